import { consoleReporter, startStack, type FerretDbLocation, type Stack } from '@zc/infra';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    mongoUri: string;
    /** The store's files and binary, for tests of the embedded store's own setup (`checkIdIndexes`). */
    ferretDb: FerretDbLocation;
  }
}

interface SharedStack {
  stack: Promise<Stack>;
  users: number;
}

// Several test projects (int, e2e) name this setup; they share one broker and one store per run.
const holder = globalThis as typeof globalThis & { __zcSharedStack?: SharedStack };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!holder.__zcSharedStack) {
    const stack = startStack({ report: consoleReporter }).then((started) => {
      consoleReporter(
        `Kafka ${started.kafkaBrokers.join(',')} and FerretDB ${started.mongoUri} ready: ` +
          `provisioning ${String(started.timings.provisionMs)} ms, start ${String(started.timings.startMs)} ms`,
      );
      return started;
    });
    holder.__zcSharedStack = { stack, users: 0 };
  }
  const shared = holder.__zcSharedStack;
  shared.users += 1;
  const stack = await shared.stack;
  project.provide('kafkaBrokers', stack.kafkaBrokers);
  project.provide('mongoUri', stack.mongoUri);
  project.provide('ferretDb', { binary: stack.mongo.binary, dataDir: stack.mongo.dataDir });
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete holder.__zcSharedStack;
      await stack.stop();
    }
  };
}
