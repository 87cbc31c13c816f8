import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionedDir } from '../cache-dir';
import { installAtomically } from '../install-atomically';
import { requireTools } from '../prerequisites';
import { heartbeat, type Reporter } from '../progress';
import { CommandFailedError, runCommand } from '../run-command';
import { KAFKA_VERSION } from '../versions';

const POM = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Kafka 4.x moved the consumer-groups tool out of the core jar (it was kafka.admin.ConsumerGroupCommand). */
export const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

/**
 * Folder of every jar Kafka's own admin tools need (kafka-consumer-groups and friends), resolved once
 * from Maven Central into a cache folder keyed by version and pom, like the broker's jars. Run a tool
 * with `java -cp <folder>/* <class>`.
 */
export async function provisionKafkaTools(report: Reporter): Promise<string> {
  requireTools(['java', 'mvn']);
  const home = versionedDir('kafka-tools', KAFKA_VERSION, [POM]);
  await installAtomically(home, async (temp) => {
    report(`Resolving Apache Kafka ${KAFKA_VERSION} tools jars from Maven Central into ${home} (first run only)`);
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
            `Could not resolve the Kafka tools jars from Maven Central (is the registry reachable? is ~/.m2/settings.xml sane?).\n${error.message}`,
          )
        : error;
    } finally {
      stop();
    }
    report(`Kafka tools jars ready in ${home}`);
  });
  return join(home, 'lib');
}

/** Runs one of the provisioned tools to completion and returns its combined output. */
export async function runKafkaTool(libDir: string, mainClass: string, args: readonly string[]): Promise<string> {
  return runCommand('java', ['-cp', join(libDir, '*'), mainClass, ...args]);
}
