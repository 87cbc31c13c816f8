#!/bin/bash
# Creates the topics of design §3 with their retention; idempotent, so it runs on every `up`.
# Auto-creation is off on the broker: a typo in a topic name must fail, not create a new topic.
set -euo pipefail
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
PARTITIONS="${KAFKA_PARTITIONS:-6}"
REPLICATION="${KAFKA_REPLICATION_FACTOR:-1}"
DAY_MS=86400000

create() {
  local topic="$1"
  shift
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "$@"
}

create connector.events --config retention.ms=-1                       # the log of record: forever
create collection.events --config retention.ms=$((365 * DAY_MS))       # status history
create zendesk.activities --config retention.ms=$((${ACTIVITY_RETENTION_DAYS:-30} * DAY_MS))
create zendesk.users --config cleanup.policy=compact                   # latest snapshot per user
# DLQs keep every message (never compacted: two bad messages with one key must both survive).
for topic in connector.events collection.events zendesk.activities zendesk.users; do
  create "$topic.dlq" --config retention.ms=$((365 * DAY_MS))
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
