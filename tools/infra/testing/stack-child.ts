// Started by process-leak.int.spec.ts: brings a stack up, prints the server pids, then waits to be killed.
import { startStack } from '../stack';

const stack = await startStack({ report: () => undefined });
process.stdout.write(`PIDS ${String(stack.kafka.process.pid)},${String(stack.mongo.process.pid)}\n`);
setInterval(() => undefined, 60_000);
