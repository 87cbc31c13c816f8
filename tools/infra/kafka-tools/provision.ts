import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionMavenJars } from '../maven-jars';
import type { Reporter } from '../progress';
import { runCommand } from '../run-command';
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
  return provisionMavenJars(
    { name: 'kafka-tools', label: `Apache Kafka ${KAFKA_VERSION} tools`, version: KAFKA_VERSION, pom: POM },
    report,
  );
}

/** Runs one of the provisioned tools to completion and returns its combined output. */
export async function runKafkaTool(libDir: string, mainClass: string, args: readonly string[]): Promise<string> {
  return runCommand('java', ['-cp', join(libDir, '*'), mainClass, ...args]);
}
