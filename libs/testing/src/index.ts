export { uniqueName, uniqueDatabaseName } from './test-names';
export { waitFor, type WaitOptions } from './wait-for';
export { openApiGaps, type OpenApiExpectations } from './openapi-gaps';
export { hasPromtool, promtoolProblems, nonCountersNamedTotal } from './promtool';
export { seededRandom } from './seeded-random';
