// Lint fixture: a domain library must not reach for a driver. The lint test expects errors here.
import { Kafka } from 'kafkajs';

export const client = new Kafka({ brokers: ['127.0.0.1:9092'] });
