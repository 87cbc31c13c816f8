// Lint fixture: a use case that imports an adapter instead of a port. The lint test expects an error here.
import { saveOrder } from '../adapters/order-store';

export const placeOrder = (id: string): Promise<string> => saveOrder(id);
