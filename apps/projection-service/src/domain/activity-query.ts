import type { ActivityFilters } from './activity-filter';
import type { PageItem } from './activity-view';

/** A query's time budget, from the moment the request arrived (time spent queued counts). */
export interface Deadline {
  readonly at: number;
  readonly now: () => number;
}

/** One activity query: the filters, where the previous page stopped, and the time it may take. */
export interface ActivityQuery {
  filters: ActivityFilters;
  after?: { value: Date; id: string };
  deadline: Deadline;
  /** The limit the deadline stands for, for the error message. */
  limitMs: number;
}

/** One matching activity with every connector that collected it (two connectors on one account share records). */
export interface ActivityMatch {
  item: PageItem;
  connectorIds: string[];
}

export interface ActivityPage {
  items: ActivityMatch[];
  next: { value: Date; id: string } | null;
}

/** A keyset page of any view: the items and the position after the last one when more exist. */
export interface Page<T> {
  items: T[];
  next: { value: unknown; id: string } | null;
}
