import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  envBoolean,
  envDurationMs,
  envList,
  envPort,
  parseConfig,
  secretString,
  SecretString,
} from './index';

const schema = z.object({
  PORT: envPort().default(8081),
  MONGO_URI: z.string().url(),
  CLIENT_SECRET: secretString(16),
  DEBUG: envBoolean().default(false),
  BROKERS: envList().default(['localhost:9092']),
  POLL_INTERVAL: envDurationMs().default(30_000),
});

const valid = { MONGO_URI: 'mongodb://localhost:27017', CLIENT_SECRET: 's'.repeat(20) };

const errorOf = (env: Record<string, string | undefined>): ConfigError => {
  try {
    parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('returns typed values with defaults applied, frozen', () => {
    const config = parseConfig(schema, valid);
    expect(config).toMatchObject({ PORT: 8081, DEBUG: false, BROKERS: ['localhost:9092'], POLL_INTERVAL: 30_000 });
    expect(config.CLIENT_SECRET.reveal()).toBe('s'.repeat(20));
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.BROKERS)).toBe(true);
  });

  it('lists every bad or missing key, one line each', () => {
    const error = errorOf({ PORT: '99999', DEBUG: 'yes', CLIENT_SECRET: 'short' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.key).sort()).toEqual(['CLIENT_SECRET', 'DEBUG', 'MONGO_URI', 'PORT']);
    expect(error.issues.find((issue) => issue.key === 'MONGO_URI')?.message).toBe('is required');
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines).toHaveLength(5);
    expect(lines.some((line) => line.startsWith('  CLIENT_SECRET: must be at least 16'))).toBe(true);
  });

  it('never echoes a rejected value', () => {
    const error = errorOf({ ...valid, CLIENT_SECRET: 'hunter2' });
    expect(error.message).not.toContain('hunter2');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig(schema, { ...valid, PORT: '', DEBUG: '  ' }).PORT).toBe(8081);
    expect(errorOf({ ...valid, MONGO_URI: '' }).issues).toEqual([{ key: 'MONGO_URI', message: 'is required' }]);
  });
});

describe('envBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %s as %s', (raw, expected) => {
    expect(envBoolean().parse(raw)).toBe(expected);
  });

  it('rejects anything else rather than guessing', () => {
    expect(envBoolean().safeParse('yes').success).toBe(false);
    expect(envBoolean().safeParse('').success).toBe(false);
  });
});

describe('envList', () => {
  it('splits, trims and drops empty items', () => {
    expect(envList().parse(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('validates each item', () => {
    const result = envList(z.enum(['users', 'audit_logs'])).safeParse('users,tickets');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1]);
  });
});

describe('envPort', () => {
  it('accepts 0..65535 only', () => {
    expect(envPort().parse('0')).toBe(0);
    expect(envPort().parse('8081')).toBe(8081);
    expect(envPort().safeParse('65536').success).toBe(false);
    expect(envPort().safeParse('80a').success).toBe(false);
    expect(envPort().safeParse('-1').success).toBe(false);
  });
});

describe('envDurationMs', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['1500', 1_500],
  ])('reads %s as %i ms', (raw, expected) => {
    expect(envDurationMs().parse(raw)).toBe(expected);
  });

  it('rejects unknown units and garbage', () => {
    expect(envDurationMs().safeParse('5 weeks').success).toBe(false);
    expect(envDurationMs().safeParse('-5s').success).toBe(false);
  });
});

describe('secretString', () => {
  it('prints [redacted] everywhere except reveal()', () => {
    const secret = secretString(4).parse('hunter2-secret');
    expect(secret).toBeInstanceOf(SecretString);
    expect(`${String(secret)}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain('hunter2');
    expect(secret.reveal()).toBe('hunter2-secret');
  });
});
