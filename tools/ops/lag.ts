/**
 * `npm run lag`: prints consumer lag and Burrow status per partition.
 *   npm run lag                                   ask a running service (LAG_URL, default below)
 *   npm run lag -- --group projection-service     only that group
 *   npm run lag -- --direct --brokers host:9092   sample the brokers from here (twice, a few seconds apart)
 */
import { connectClusterAdmin, createKafkaClient, silentLogger, type ClusterAdmin } from '@zc/kafka';
import { formatLagTable, LagReport } from '@zc/lag-monitor';
import { LagSampler } from '@zc/lag-sampler';
import { parseArgs } from 'node:util';

const DEFAULT_URL = 'http://127.0.0.1:8083/v1/lag';
const USAGE = `usage: npm run lag -- [--group <g>]... [--url <url>] | --direct --brokers <host:port[,...]> [--group <g>]... [--gap-ms <ms>]`;

class LagCliError extends Error {
  readonly code = 'LAG_CLI_FAILED';
}

/** The service did not answer at all (as opposed to answering badly): worth falling back to the brokers. */
class ServiceUnreachableError extends LagCliError {}

const { values } = parseArgs({
  options: {
    direct: { type: 'boolean', default: false },
    brokers: { type: 'string' },
    group: { type: 'string', multiple: true },
    url: { type: 'string' },
    'gap-ms': { type: 'string', default: '3000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const groups = values.group ?? [];

async function fromService(): Promise<LagReport> {
  const url = new URL(values.url ?? process.env['LAG_URL'] ?? DEFAULT_URL);
  // The service's filter takes one group; several are filtered here.
  if (groups.length === 1 && groups[0] !== undefined) url.searchParams.set('group', groups[0]);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ServiceUnreachableError(
      `Could not reach ${url.origin}${url.pathname} (${reason}).\n` +
        'Start the service that hosts /v1/lag (projection-service), set LAG_URL, or sample Kafka directly:\n' +
        '  npm run lag -- --direct --brokers host:port',
    );
  }
  if (response.status === 404 && groups.length === 1) return { evaluatedAt: new Date().toISOString(), groups: [] };
  if (!response.ok) throw new LagCliError(`${url.href} answered ${String(response.status)}: ${await response.text()}`);
  const parsed = LagReport.safeParse(await response.json());
  if (!parsed.success) throw new LagCliError(`${url.href} did not return a lag report: ${parsed.error.message}`);
  return parsed.data;
}

const brokers = (values.brokers ?? process.env['KAFKA_BROKERS'] ?? '').split(',').filter((b) => b.length > 0);

async function direct(): Promise<LagReport> {
  if (brokers.length === 0) throw new LagCliError(`--direct needs --brokers host:port (or KAFKA_BROKERS).\n${USAGE}`);
  const gapMs = Number(values['gap-ms']);
  if (!Number.isFinite(gapMs) || gapMs < 0) throw new LagCliError(`--gap-ms must be a number of milliseconds.`);
  const client = createKafkaClient({ brokers, clientId: 'zc-lag-cli', logger: silentLogger });
  let cluster: ClusterAdmin;
  try {
    cluster = await connectClusterAdmin(client);
  } catch (error) {
    throw new LagCliError(
      `Could not connect to Kafka at ${brokers.join(',')} (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  try {
    const sampler = new LagSampler({ cluster, groups, discoverGroups: groups.length === 0 });
    // One poll shows lag but no trend; Burrow's statuses need at least two polls to mean anything.
    await sampler.sample();
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    await sampler.sample();
    return sampler.report();
  } finally {
    await cluster.disconnect();
  }
}

/** Without a service, brokers named by flag or KAFKA_BROKERS still give an answer (say so, though). */
async function fallBackToBrokers(error: unknown): Promise<LagReport> {
  if (!(error instanceof ServiceUnreachableError) || brokers.length === 0) throw error;
  process.stderr.write(
    `lag: ${(error.message.split('\n')[0] ?? '').replace(/\.$/, '')}; sampling ${brokers.join(',')} directly.\n`,
  );
  return direct();
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const report = values.direct ? await direct() : await fromService().catch(fallBackToBrokers);
  const wanted = new Set(groups);
  const shown = wanted.size === 0 ? report : { ...report, groups: report.groups.filter((g) => wanted.has(g.group)) };
  process.stdout.write(formatLagTable(shown));
}

main().catch((error: unknown) => {
  process.stderr.write(`lag: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
