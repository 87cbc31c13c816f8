import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Builds into a private temporary folder and renames it into place, so a half-built
 * artifact is never seen and two concurrent provisioners do not corrupt each other.
 */
export async function installAtomically(target: string, build: (tempDir: string) => Promise<void>): Promise<void> {
  if (existsSync(target)) return;
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.partial-${String(process.pid)}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    await build(temp);
    await rename(temp, target).catch(async (error: unknown) => {
      // Another provisioner finished first: theirs is as good as ours.
      if (!existsSync(target)) throw error;
      await rm(temp, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
