import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeOnSignals } from './close-on-signals';
import { createHttpApp } from './create-http-app';

const setup = async (closers: (() => Promise<void>)[], timeoutMs = 1_000) => {
  const app = await createHttpApp({ serviceName: 'close-test', logger: { level: 'silent' }, docs: false });
  const target = new EventEmitter();
  const codes: number[] = [];
  const exited = new Promise<number>((resolve) => {
    closeOnSignals(app, closers, {
      timeoutMs,
      process: target as unknown as NodeJS.Process,
      exit: (code) => {
        codes.push(code);
        resolve(code);
      },
    });
  });
  return { app, target, codes, exited };
};

describe('closeOnSignals', () => {
  it('closes the app then each closer in order and exits 0', async () => {
    const order: string[] = [];
    const record = (name: string) => () => {
      order.push(name);
      return Promise.resolve();
    };
    const { app, target, exited } = await setup([record('consumer'), record('mongo')]);
    app.addHook('onClose', () => record('http')());
    target.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(order).toEqual(['http', 'consumer', 'mongo']);
  });

  it('exits 1 when a closer fails', async () => {
    const { target, exited } = await setup([() => Promise.reject(new Error('stuck'))]);
    target.emit('SIGINT');
    expect(await exited).toBe(1);
  });

  it('exits 1 when closing takes too long', async () => {
    const { target, exited } = await setup([() => new Promise<void>(() => {})], 20);
    target.emit('SIGTERM');
    expect(await exited).toBe(1);
  });
});
