import { ValidationError } from '@zc/errors';
import { z } from 'zod';

const CursorPayload = z.object({ v: z.union([z.string(), z.number()]), i: z.string() });

/** Opaque to callers: the last item's sort value and id, so the next page starts strictly after it. */
export function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : typeof value === 'number' ? value : String(value);
  return Buffer.from(JSON.stringify({ v, i: id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number; id: string } {
  try {
    const parsed = CursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { value: parsed.v, id: parsed.i };
  } catch (cause) {
    throw new ValidationError('The cursor is not one this API returned.', {
      fields: [{ field: 'querystring.cursor', message: 'is not a cursor returned by a previous page' }],
      cause,
    });
  }
}

export function decodeDateCursor(cursor: string): { value: Date; id: string } {
  const { value, id } = decodeCursor(cursor);
  const date = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new ValidationError('The cursor is not one this API returned.', {
      fields: [{ field: 'querystring.cursor', message: 'is not a cursor returned by a previous page' }],
    });
  }
  return { value: date, id };
}
