/**
 * One status document is written by the projector (both status topics, and the activity summary) and by the stall
 * sweep; the runner consumes partitions concurrently. FerretDB does
 * not run the versioned update atomically, so in one process the writers of a document take turns here; the
 * version guard still settles races between processes.
 */
const tails = new Map<string, Promise<unknown>>();

export function inStatusTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const tail = next.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return next;
}
