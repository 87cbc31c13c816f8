import { Kafka, logLevel as KafkaJsLogLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { KafkaLogger } from './logger';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: KafkaLogger;
  /** kafkajs is chatty at INFO (every join, every connect); WARN keeps the signal. */
  logLevel?: KafkaLogLevel;
}

/**
 * A configured connection to the brokers plus the logger every part of this library reports through.
 * The driver behind it stays inside this library (`driverOf`), so that replacing kafkajs touches
 * nothing outside libs/kafka: callers use the publisher, the consumer runner, `ensureTopics` and
 * `connectClusterAdmin`.
 */
export interface KafkaClient {
  readonly logger: KafkaLogger;
  readonly clientId: string;
}

const drivers = new WeakMap<KafkaClient, Kafka>();

/** The kafkajs instance of a client made by `createKafkaClient`; for this library's modules only. */
export function driverOf(client: KafkaClient): Kafka {
  const kafka = drivers.get(client);
  if (kafka === undefined) throw new TypeError('Not a client made by createKafkaClient');
  return kafka;
}

const LEVELS: Record<KafkaLogLevel, KafkaJsLogLevel> = {
  nothing: KafkaJsLogLevel.NOTHING,
  error: KafkaJsLogLevel.ERROR,
  warn: KafkaJsLogLevel.WARN,
  info: KafkaJsLogLevel.INFO,
  debug: KafkaJsLogLevel.DEBUG,
};

/** Routes kafkajs' own log entries into the injected logger, keeping its structured fields. */
export function forwardingLogCreator(logger: KafkaLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, ...extra } = log;
      const fields = { ...extra, kafkaNamespace: namespace };
      switch (level) {
        case KafkaJsLogLevel.ERROR:
          logger.error(fields, message);
          break;
        case KafkaJsLogLevel.WARN:
          logger.warn(fields, message);
          break;
        case KafkaJsLogLevel.INFO:
          logger.info(fields, message);
          break;
        default:
          logger.debug(fields, message);
      }
    };
}

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: LEVELS[options.logLevel ?? 'warn'],
    logCreator: forwardingLogCreator(options.logger),
  });
  const client: KafkaClient = Object.freeze({ logger: options.logger, clientId: options.clientId });
  drivers.set(client, kafka);
  return client;
}
