import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded';
import { interleave, workload, type Streams } from '../testing/workload';
import { foldAll, type TopicEvent, type Views } from './view-fold';

const TOTAL = 10_000;

const sortByTime = (items: TopicEvent[]): TopicEvent[] =>
  [...items].sort((a, b) => Date.parse(a.event.occurredAt) - Date.parse(b.event.occurredAt));
const byOccurrence = (streams: Streams): TopicEvent[] => sortByTime(streams.flat());

/** Each connector's two status streams merged by time: what "one connector stream in order" gives. */
function mergeStatusStreams(streams: Streams): Streams {
  const merged = new Map<string, TopicEvent[]>();
  const rest: Streams = [];
  for (const stream of streams) {
    const first = stream[0];
    if (first && (first.topic === 'connector.events' || first.topic === 'collection.events')) {
      const key = first.event.connectorId;
      merged.set(key, [...(merged.get(key) ?? []), ...stream]);
    } else rest.push(stream);
  }
  return [...rest, ...[...merged.values()].map(sortByTime)];
}

const snapshot = (views: Views, withHistory: boolean) => ({
  status: [...views.status.values()]
    .map((view) => (withHistory ? view : { ...view, statusSince: null, cause: null }))
    .sort((a, b) => a.connectorId.localeCompare(b.connectorId)),
  history: withHistory ? [...views.history.entries()].sort(([a], [b]) => a.localeCompare(b)) : [],
  summaries: [...views.activitySummary.entries()].sort(([a], [b]) => a.localeCompare(b)),
  activities: [...views.activities.entries()].sort(([a], [b]) => a.localeCompare(b)),
  users: [...views.users.entries()].sort(([a], [b]) => a.localeCompare(b)),
});

describe(`views from ${String(TOTAL)} events`, () => {
  const streams = workload(TOTAL, 20, 7);
  const ordered = foldAll(byOccurrence(streams));

  it('has a realistic mix', () => {
    expect(streams.flat().length).toBeGreaterThanOrEqual(TOTAL * 0.99);
    expect(ordered.activities.size).toBeGreaterThan(1_000);
    expect(ordered.users.size).toBeGreaterThan(100);
    expect(new Set([...ordered.status.values()].map((view) => view.status)).size).toBeGreaterThan(2);
  });

  it(
    'are identical when every event is delivered twice, shuffled across connectors, each connector in order',
    { timeout: 30_000 },
    () => {
      const inOrderPerConnector = mergeStatusStreams(streams);
      const first = interleave(inOrderPerConnector, seededRandom(1));
      const second = interleave(inOrderPerConnector, seededRandom(2));
      const twice = foldAll([...first, ...second]);
      expect(snapshot(twice, true)).toEqual(snapshot(ordered, true));
    },
  );

  it(
    'hold the same state when the two status topics interleave differently too (history aside)',
    { timeout: 30_000 },
    () => {
      for (const seed of [3, 4]) {
        const shuffled = interleave(streams, seededRandom(seed));
        const replayed = interleave(streams, seededRandom(seed + 10));
        expect(snapshot(foldAll([...shuffled, ...replayed]), false)).toEqual(snapshot(ordered, false));
      }
    },
  );
});
