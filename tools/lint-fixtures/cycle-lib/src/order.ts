// Lint fixture: order.ts and line.ts import each other, by type only. The lint test expects a cycle here.
import type { Line } from './line';

export interface Order {
  readonly lines: readonly Line[];
}
