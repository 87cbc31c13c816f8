/**
 * Where a stream's sequence starts, stated once for every writer and reader.
 *
 * The first event of a stream has sequence FIRST_SEQUENCE and each next one the one after, gap-free
 * where the writer owns the stream. It is 1 because the log of record (`connector.events`) has carried
 * the connector event store's 1-based versions from its first event; moving it would renumber stored
 * streams, so it never changes.
 *
 * The collector's streams (`collection.events`, `zendesk.activities`, `zendesk.users`) began at 0
 * before the origin was stated. Their checkpoints hold the next sequence, so such a stream goes on
 * from where it is and stays gap-free; streams started since begin at FIRST_SEQUENCE. Readers hence
 * never assume a stream's first sequence: a redelivery guard starts at NO_SEQUENCE, below every
 * sequence ever written, and applies what is above the last sequence applied; the envelope accepts 0.
 */
export const FIRST_SEQUENCE = 1;

/** "Nothing applied yet" for a reader's redelivery guard: below any sequence any writer has used. */
export const NO_SEQUENCE = -1;

/** The sequence of the event that follows `count` events of a stream. */
export const sequenceAfter = (count: number): number => FIRST_SEQUENCE + count;
