import type { paths as AuthPaths } from './generated/auth-service';
import type { paths as ProjectionPaths } from './generated/projection-service';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The services' response bodies, named for the console, all taken from the generated OpenAPI types. */
export type AdminConnector = Json<AuthPaths['/v1/connectors/{id}']['get']['responses'][200]>;
/** A Test now as it runs: each check pending until its result is in. */
export type ConnectionTestRun = Json<AuthPaths['/v1/connectors/{id}/tests/{testId}']['get']['responses'][200]>;
export type AuthorizeStart = Json<AuthPaths['/v1/connectors/{id}/authorize']['post']['responses'][200]>;
export type RegisterBody = NonNullable<
  AuthPaths['/v1/connectors']['post']['requestBody']
>['content']['application/json'];
export type ConnectorStatus = Json<ProjectionPaths['/v1/connectors/{id}/status']['get']['responses'][200]>;
export type StatusHistory = Json<ProjectionPaths['/v1/connectors/{id}/history']['get']['responses'][200]>;
export type ActivityPage = Json<ProjectionPaths['/v1/activities']['get']['responses'][200]>;
/** One row of the activity list. */
export type ActivityRow = ActivityPage['items'][number];
/** One activity with the raw Zendesk audit-log record. */
export type Activity = Json<ProjectionPaths['/v1/activities/{id}']['get']['responses'][200]>;
export type UserPage = Json<ProjectionPaths['/v1/users']['get']['responses'][200]>;
export type LagReport = Json<ProjectionPaths['/v1/lag']['get']['responses'][200]>;
export type ActivityQuery = NonNullable<ProjectionPaths['/v1/activities']['get']['parameters']['query']>;
