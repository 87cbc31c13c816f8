import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

/** One collection table as `ferretdb-embedded -check` reports it (see check.go). */
export const IdIndexStatusSchema = z.object({
  database: z.string(),
  collection: z.string(),
  table: z.string(),
  idIndex: z.boolean(),
  idPlan: z.string(),
  idIndexUsed: z.boolean(),
});
export type IdIndexStatus = z.infer<typeof IdIndexStatusSchema>;

/** Where a running embedded FerretDB keeps its files, and the binary that can inspect them. */
export interface FerretDbLocation {
  binary: string;
  dataDir: string;
}

/**
 * Whether each collection table of `database` has the `_id` lookup index, and whether SQLite uses it
 * for the exact SQL FerretDB sends; read from the SQLite files next to the running server.
 */
export async function checkIdIndexes(location: FerretDbLocation, database: string): Promise<IdIndexStatus[]> {
  const { stdout } = await promisify(execFile)(location.binary, [
    '-check',
    '-dir',
    location.dataDir,
    '-database',
    database,
  ]);
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => IdIndexStatusSchema.parse(JSON.parse(line)));
}
