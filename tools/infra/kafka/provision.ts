import { fileURLToPath } from 'node:url';
import { provisionMavenJars } from '../maven-jars';
import type { Reporter } from '../progress';
import { KAFKA_VERSION } from '../versions';

const POM = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Folder holding every jar of a runnable broker, resolved once from Maven Central. */
export async function provisionKafka(report: Reporter): Promise<string> {
  return provisionMavenJars(
    { name: 'kafka', label: `Apache Kafka ${KAFKA_VERSION}`, version: KAFKA_VERSION, pom: POM },
    report,
  );
}
