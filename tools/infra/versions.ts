/** Versions of the local infrastructure; a change here re-provisions into a new cache folder. */
export const KAFKA_VERSION = '4.1.2';
export const LOG4J_VERSION = '2.24.3';
export const FERRETDB_VERSION = '1.24.2';
