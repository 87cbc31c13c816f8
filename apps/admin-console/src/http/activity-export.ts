import { stringify } from 'csv-stringify';
import { isAppError } from '@zc/errors';
import { PassThrough, Readable } from 'node:stream';
import type { ServiceApi } from '../api/service-api';
import { CSV_COLUMNS, csvRow } from '../domain/activity-csv';
import type { ActivityApiQuery } from '../domain/activity-filters';
import { problemToError } from '../api/problems';

const PAGE = 500;

async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line.length > 0) yield line;
      newline = buffered.indexOf('\n');
    }
  }
  if (buffered.trim().length > 0) yield buffered.trim();
}

/**
 * The filtered activities as NDJSON lines, from the projection's streamed export; a projection without
 * that route yet (404) is read page by page through the keyset-paged list instead, same filters.
 */
export async function* exportedLines(
  api: ServiceApi,
  query: ActivityApiQuery,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const response = await api.exportActivities(query, signal);
  if (response.ok && response.body !== null) {
    yield* lines(response.body);
    return;
  }
  const problem: unknown = await response.json().catch(() => null);
  const error = problemToError('projection service', response.status, problem);
  if (!(isAppError(error) && error.status === 404 && error.code === 'NOT_FOUND')) throw error;
  let cursor: string | undefined;
  do {
    const page = await api.activities(query, { limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
    for (const item of page.items) yield JSON.stringify(item);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && !signal.aborted);
}

export function ndjsonStream(source: AsyncGenerator<string>): Readable {
  return Readable.from(
    (async function* () {
      for await (const line of source) yield `${line}\n`;
    })(),
  );
}

/** CSV converted on the fly from the NDJSON lines; a header row first. */
export function csvStream(source: AsyncGenerator<string>): Readable {
  const csv = stringify({ header: true, columns: [...CSV_COLUMNS] });
  const out = new PassThrough();
  csv.pipe(out);
  void (async () => {
    try {
      for await (const line of source) {
        if (!csv.write(csvRow(JSON.parse(line) as Parameters<typeof csvRow>[0]))) {
          await new Promise((resolve) => csv.once('drain', resolve));
        }
      }
      csv.end();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error('export failed'));
    }
  })();
  return out;
}

/** Pulls the first line before anything is sent, so a refused filter still becomes an error page, not a cut stream. */
export async function primed(source: AsyncGenerator<string>): Promise<AsyncGenerator<string>> {
  const first = await source.next();
  return (async function* () {
    if (first.done === true) return;
    yield first.value;
    yield* source;
  })();
}
