import { join } from 'node:path';
import { versionedDir } from './cache-dir';
import { installAtomically } from './install-atomically';
import { requireTools } from './prerequisites';
import { heartbeat, type Reporter } from './progress';
import { CommandFailedError, runCommand } from './run-command';

export interface MavenJarsSpec {
  /** Cache folder name and what progress lines call it, e.g. `kafka` / "Apache Kafka 4.1.2". */
  name: string;
  label: string;
  version: string;
  pom: string;
}

/**
 * Resolves every runtime jar a pom lists from Maven Central, once, into a cache folder keyed by
 * version and pom content; returns the folder to put on a classpath (`<folder>/*`).
 */
export async function provisionMavenJars(spec: MavenJarsSpec, report: Reporter): Promise<string> {
  requireTools(['java', 'mvn', 'setpriv']);
  const home = versionedDir(spec.name, spec.version, [spec.pom]);
  await installAtomically(home, async (temp) => {
    report(`Resolving ${spec.label} jars from Maven Central into ${home} (first run only)`);
    const stop = heartbeat(report, 'Maven');
    let downloads = 0;
    try {
      await runCommand(
        'mvn',
        [
          '-B',
          '-f',
          spec.pom,
          // Maven 3.8's default dependency plugin is too old for this goal's options.
          'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
          `-DoutputDirectory=${join(temp, 'lib')}`,
          '-DincludeScope=runtime',
        ],
        {
          onOutput: (chunk) => {
            const seen = chunk.match(/Downloaded from/g)?.length ?? 0;
            if (seen === 0) return;
            downloads += seen;
            if (downloads % 25 < seen) report(`Maven: ${String(downloads)} artifacts downloaded`);
          },
        },
      );
    } catch (error) {
      throw error instanceof CommandFailedError
        ? new Error(
            `Could not resolve the ${spec.label} jars from Maven Central (is the registry reachable? is ~/.m2/settings.xml sane?).\n${error.message}`,
          )
        : error;
    } finally {
      stop();
    }
    report(`${spec.label} jars ready in ${home}`);
  });
  return join(home, 'lib');
}
