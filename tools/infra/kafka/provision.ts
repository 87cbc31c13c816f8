import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionedDir } from '../cache-dir';
import { installAtomically } from '../install-atomically';
import { requireTools } from '../prerequisites';
import { heartbeat, type Reporter } from '../progress';
import { CommandFailedError, runCommand } from '../run-command';
import { KAFKA_VERSION } from '../versions';

const POM = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Folder holding every jar of a runnable broker, resolved once from Maven Central. */
export async function provisionKafka(report: Reporter): Promise<string> {
  requireTools(['java', 'mvn', 'setpriv']);
  const home = versionedDir('kafka', KAFKA_VERSION, [POM]);
  await installAtomically(home, async (temp) => {
    report(`Resolving Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${home} (first run only)`);
    const stop = heartbeat(report, 'Maven');
    let downloads = 0;
    try {
      await runCommand(
        'mvn',
        [
          '-B',
          '-f',
          POM,
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
            `Could not resolve the Kafka jars from Maven Central (is the registry reachable? is ~/.m2/settings.xml sane?).\n${error.message}`,
          )
        : error;
    } finally {
      stop();
    }
    report(`Kafka jars ready in ${home}`);
  });
  return join(home, 'lib');
}
