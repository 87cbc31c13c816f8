export { decideFromHistory, evolveAll, type Decider } from './decider';
