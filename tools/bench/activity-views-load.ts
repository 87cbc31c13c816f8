/**
 * The load generator of activity-views.bench.ts, forked into its own process so the service under test keeps its
 * event loop: `clients` connections loop over `GET /v1/activities` for `durationMs` while one more connection reads
 * `GET /v1/connectors` at a steady pace. A request not answered within `clientTimeoutMs` counts as a client timeout.
 * Takes a LoadSpec as JSON in argv[2]; sends one LoadResult over IPC.
 */
export interface LoadSpec {
  readonly baseUrl: string;
  readonly key: string;
  readonly paths: readonly string[];
  readonly clients: number;
  readonly durationMs: number;
  readonly clientTimeoutMs: number;
}

export interface LoadResult {
  readonly ok: number;
  readonly overloaded: number;
  readonly overloadedWithRetryAfter: number;
  readonly timeouts: number;
  readonly otherErrors: number;
  readonly okLatencies: number[];
  readonly allLatencies: number[];
  readonly connectorLatencies: number[];
  readonly seconds: number;
}

const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
const headers = { authorization: `Bearer ${spec.key}` };

async function timed(path: string): Promise<{ ms: number; status: number | 'timeout'; retryAfter: boolean }> {
  const started = performance.now();
  try {
    const response = await fetch(`${spec.baseUrl}${path}`, {
      headers,
      signal: AbortSignal.timeout(spec.clientTimeoutMs),
    });
    await response.arrayBuffer();
    return {
      ms: performance.now() - started,
      status: response.status,
      retryAfter: response.headers.has('retry-after'),
    };
  } catch (error) {
    const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ms: performance.now() - started, status: timeout ? 'timeout' : 0, retryAfter: false };
  }
}

const started = Date.now();
const deadline = started + spec.durationMs;
const result = {
  ok: 0,
  overloaded: 0,
  overloadedWithRetryAfter: 0,
  timeouts: 0,
  otherErrors: 0,
  okLatencies: [] as number[],
  allLatencies: [] as number[],
  connectorLatencies: [] as number[],
};

const clients = Array.from({ length: spec.clients }, async (_, worker) => {
  for (let i = worker; Date.now() < deadline; i += spec.clients) {
    const outcome = await timed(spec.paths[i % spec.paths.length] ?? '/v1/activities');
    result.allLatencies.push(outcome.ms);
    if (outcome.status === 200) {
      result.ok += 1;
      result.okLatencies.push(outcome.ms);
    } else if (outcome.status === 503) {
      result.overloaded += 1;
      if (outcome.retryAfter) result.overloadedWithRetryAfter += 1;
      // A well-behaved client honours Retry-After; a short pause keeps the measurement about the server.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } else if (outcome.status === 'timeout') result.timeouts += 1;
    else result.otherErrors += 1;
  }
});

const connectors = (async () => {
  while (Date.now() < deadline) {
    const outcome = await timed('/v1/connectors');
    result.connectorLatencies.push(outcome.ms);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();

await Promise.all([...clients, connectors]);
const done: LoadResult = { ...result, seconds: (Date.now() - started) / 1000 };
// Disconnect only once the result is written: a large message can still be queued when send() returns.
process.send?.(done, () => process.disconnect());
