/**
 * Publisher throughput against the bare producer underneath it (`createRawProducer`: the same driver,
 * settings, acks (-1) and idempotence, fed bytes serialised ahead of time), on a broker this script starts itself. Prints msgs/s for each and the ratio (target ≥ 0.8).
 * Run: npx tsx tools/bench/kafka-publisher.bench.ts [messages]
 */
import { reportFigure } from './figure';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { consoleReporter, startStack } from '@zc/infra';
import {
  createKafkaClient,
  createPublisher,
  createRawProducer,
  ensureTopics,
  HEADER,
  type OutgoingMessage,
} from '@zc/kafka';

const TOTAL = Number(process.argv[2] ?? 50_000);
const BATCH = 500;
const PARTITIONS = 6;
const ROUNDS = 3;

function messages(count: number): OutgoingMessage[] {
  const filler = 'x'.repeat(820);
  return Array.from({ length: count }, (_, n) => ({
    key: `connector-${String(n % 50)}`,
    value: { activityId: randomUUID(), occurredAt: new Date(0).toISOString(), n, description: filler },
    headers: { eventType: 'ZendeskActivityRecorded', schemaVersion: 1, eventId: randomUUID() },
  }));
}

async function timed(label: string, count: number, send: (from: number, to: number) => Promise<unknown>) {
  const started = process.hrtime.bigint();
  for (let from = 0; from < count; from += BATCH) await send(from, Math.min(count, from + BATCH));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = count / seconds;
  process.stdout.write(
    `${label.padEnd(10)} ${String(count)} msgs in ${seconds.toFixed(2)} s: ${rate.toFixed(0)} msgs/s\n`,
  );
  return rate;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  try {
    const logger = pino({ level: 'warn' }, pino.destination(2));
    const client = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'bench', logger });
    const topicFor = (label: string, round: number) => `bench-${label}-${String(round)}`;
    const labels = ['warmup', 'baseline', 'publisher'];
    await ensureTopics(
      client,
      labels.flatMap((label) =>
        Array.from({ length: ROUNDS }, (_, r) => ({ name: topicFor(label, r), partitions: PARTITIONS })),
      ),
    );

    const outgoing = messages(TOTAL);
    // The same bytes the publisher produces, serialised ahead of time so the baseline pays nothing extra.
    const raw = outgoing.map((m) => ({
      key: m.key,
      value: JSON.stringify(m.value),
      headers: {
        [HEADER.eventType]: m.headers.eventType,
        [HEADER.schemaVersion]: String(m.headers.schemaVersion),
        [HEADER.eventId]: m.headers.eventId,
      },
    }));
    process.stdout.write(`value size ${String(raw[0]?.value.length)} bytes, batches of ${String(BATCH)}\n`);

    const publisher = createPublisher(client);
    const bare = createRawProducer(client);
    await Promise.all([publisher.connect(), bare.connect()]);
    const warm = Math.min(5_000, TOTAL);
    await timed('warmup', warm, (a, b) => bare.send(topicFor('warmup', 0), raw.slice(a, b)));
    await timed('warmup', warm, (a, b) => publisher.publish(topicFor('warmup', 1), outgoing.slice(a, b)));

    // Alternate the two so broker warm-up and page-cache effects do not favour either.
    const rates = { baseline: [] as number[], publisher: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const baselineTopic = topicFor('baseline', round);
      const publisherTopic = topicFor('publisher', round);
      rates.baseline.push(await timed('baseline', TOTAL, (a, b) => bare.send(baselineTopic, raw.slice(a, b))));
      rates.publisher.push(
        await timed('publisher', TOTAL, (a, b) => publisher.publish(publisherTopic, outgoing.slice(a, b))),
      );
    }
    await Promise.all([publisher.disconnect(), bare.disconnect()]);
    reportFigure({
      bench: 'kafka publisher',
      name: 'publisher throughput (median)',
      value: median(rates.publisher),
      unit: 'msgs/s',
      reference: { label: 'bare producer', value: median(rates.baseline) },
      better: 'higher',
      target: 'ratio >= 0.8',
    });

    // Medians: the machine is shared, so single runs swing; best-of shows the ceiling.
    for (const [name, pick] of [
      ['median', median],
      ['best', (values: number[]) => Math.max(...values)],
    ] as const) {
      const ratio = pick(rates.publisher) / pick(rates.baseline);
      process.stdout.write(
        `${name}: baseline ${pick(rates.baseline).toFixed(0)} msgs/s, publisher ${pick(rates.publisher).toFixed(0)} msgs/s, ` +
          `ratio ${ratio.toFixed(2)} (target >= 0.80) ${ratio >= 0.8 ? 'OK' : 'BELOW TARGET'}\n`,
      );
    }
  } finally {
    await stack.stop();
  }
}

await main();
