import { toEventMessage, type TopicName } from '@zc/contracts';
import { createPublisher, type KafkaClient } from '@zc/kafka';
import { physicalTopic, type TopicNaming } from '../adapters/topics';
import type { TopicEvent } from '../domain/view-fold';

/** Publishes events as the writers would (contract-encoded, keyed per design §3), in the given order. */
export async function publishEvents(client: KafkaClient, naming: TopicNaming, items: readonly TopicEvent[]) {
  const publisher = createPublisher(client);
  await publisher.connect();
  try {
    const byTopic = new Map<TopicName, TopicEvent[]>();
    for (const item of items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
    for (const [topic, list] of byTopic) {
      for (let start = 0; start < list.length; start += 500) {
        const messages = list.slice(start, start + 500).map((item) => toEventMessage(item.topic, item.event as never));
        await publisher.publish(physicalTopic(naming, topic), messages);
      }
    }
  } finally {
    await publisher.disconnect();
  }
}
