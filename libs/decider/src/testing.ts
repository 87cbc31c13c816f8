/**
 * Test helpers, on their own entry point (`@zc/decider/testing`) because they import vitest, which must
 * never be loaded by production code that imports `@zc/decider`.
 */
export { DeciderSpecification, type DeciderThen } from './decider-specification';
