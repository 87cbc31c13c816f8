export { buildSimulator, type Simulator, type SimulatorOptions } from './app';
export type { SimControl, AccountSummary } from './control/control';
export type { RequestLogEntry } from './sim-state';
