// Lint fixture: the other half of the cycle with order.ts.
import type { Order } from './order';

export interface Line {
  readonly order: Order;
  readonly quantity: number;
}
