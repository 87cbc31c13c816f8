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

/** A configured kafkajs instance plus the logger every part of this library reports through. */
export interface KafkaClient {
  readonly kafka: Kafka;
  readonly logger: KafkaLogger;
  readonly clientId: string;
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
  return { kafka, logger: options.logger, clientId: options.clientId };
}
