import { z } from 'zod';
import { SecretString } from './secret-string';

/**
 * "true/false/1/0" (any case). Not z.coerce.boolean(), which turns the string "false" into true.
 */
export const envBoolean = () => z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'], case: 'insensitive' });

/** Comma-separated values, trimmed, empty items dropped; each item is checked by `item`. */
export const envList = <T extends z.ZodType<unknown, string>>(item?: T) =>
  z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item ?? z.string()));

/** 0 is allowed: it asks the OS for a free port, which tests use. */
export const envPort = () =>
  z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().int().min(0).max(65_535));

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;

/** "250ms", "30s", "5m", "1h", "2d", or a bare number of milliseconds; yields milliseconds. */
export const envDurationMs = () =>
  z
    .string()
    .trim()
    .regex(DURATION, 'must be a duration such as 250ms, 30s, 5m, 1h or a number of milliseconds')
    .transform((raw) => {
      const [, amount = '0', unit = 'ms'] = DURATION.exec(raw) ?? [];
      return Math.round(Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]);
    });

/**
 * A secret with a minimum length, wrapped so it never prints. Deliberately has no default
 * parameter for the value: a secret must come from the environment.
 */
export const secretString = (minLength = 16) =>
  z
    .string()
    .min(minLength, `must be at least ${minLength} characters`)
    .transform((value) => new SecretString(value));
