/** A non-2xx answer of one of our services or the simulator, with its problem details when it sent them. */
export class HttpStatusError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const problem = body as { code?: unknown; detail?: unknown; title?: unknown } | null;
    const code = typeof problem?.code === 'string' ? problem.code : undefined;
    const detail = typeof problem?.detail === 'string' ? problem.detail : typeof body === 'string' ? body : '';
    super(`${method} ${url} answered ${String(status)}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpStatusError';
    this.code = code;
  }
}

/** The service did not answer at all (not running, wrong port). */
export class ServiceUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Nothing answers at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ServiceUnreachableError';
  }
}

export interface JsonRequest {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses returned instead of thrown (e.g. 404 when probing). */
  accept?: readonly number[];
  timeoutMs?: number;
}

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/** One JSON call; throws HttpStatusError on unexpected statuses and ServiceUnreachableError without an answer. */
export async function requestJson<T>(url: string, init: JsonRequest = {}): Promise<JsonResponse<T>> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new ServiceUnreachableError(url, error);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the error message.
  }
  if (!response.ok && !(init.accept ?? []).includes(response.status)) {
    throw new HttpStatusError(method, url, response.status, body);
  }
  return { status: response.status, body: body as T };
}

/** A base URL plus an optional API key: `get`/`post`/`patch`/`delete` returning parsed JSON bodies. */
export function jsonClient(baseUrl: string, apiKey?: string) {
  const auth: Record<string, string> = apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await requestJson<T>(`${baseUrl}${path}`, { method, headers: auth, ...(body === undefined ? {} : { body }) }))
      .body;
  return {
    baseUrl,
    raw: <T>(path: string, init: JsonRequest = {}) =>
      requestJson<T>(`${baseUrl}${path}`, { ...init, headers: { ...auth, ...init.headers } }),
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown = {}) => call<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
  };
}
export type JsonClient = ReturnType<typeof jsonClient>;
