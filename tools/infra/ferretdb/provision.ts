import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionedDir } from '../cache-dir';
import { installAtomically } from '../install-atomically';
import { requireTools } from '../prerequisites';
import { heartbeat, type Reporter } from '../progress';
import { CommandFailedError, runCommand } from '../run-command';
import { FERRETDB_VERSION } from '../versions';

const MODULE_DIR = fileURLToPath(new URL('.', import.meta.url));
// Every Go source of the wrapper decides the build, so a change to any of them builds a new binary.
const BUILD_INPUTS = [
  'go.mod',
  'go.sum',
  ...readdirSync(MODULE_DIR)
    .filter((file) => file.endsWith('.go'))
    .sort(),
].map((file) => join(MODULE_DIR, file));

/** Path of the FerretDB binary, built once from the Go module proxy. */
export async function provisionFerretDb(report: Reporter): Promise<string> {
  requireTools(['go', 'setpriv']);
  const home = versionedDir('ferretdb', FERRETDB_VERSION, BUILD_INPUTS);
  await installAtomically(home, async (temp) => {
    report(
      `Building FerretDB ${FERRETDB_VERSION} from the Go module proxy into ${home} (first run only, a few minutes)`,
    );
    const stop = heartbeat(report, 'go build');
    try {
      await runCommand('go', ['build', '-trimpath', '-o', join(temp, 'ferretdb-embedded'), '.'], {
        cwd: MODULE_DIR,
        // Pure-Go SQLite; never switch toolchains behind the user's back.
        env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' },
      });
    } catch (error) {
      throw error instanceof CommandFailedError
        ? new Error(
            `Could not build FerretDB (is the Go module proxy reachable? is Go 1.24+ installed?).\n${error.message}`,
          )
        : error;
    } finally {
      stop();
    }
    report(`FerretDB ready in ${home}`);
  });
  return join(home, 'ferretdb-embedded');
}
