export { buildSimulator, type Simulator, type SimulatorOptions } from './app';
export type { SimControl, AccountSummary } from './application/control';
export type { RequestLogEntry } from './application/sim-state';
