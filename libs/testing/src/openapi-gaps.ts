interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiExpectations {
  /** Statuses every operation of this document must list as problem details. */
  everywhere: string[];
  /** Statuses operations that need an API key must list on top. */
  secured: string[];
  /** Statuses operations that need a key and change something must list on top. */
  securedWrites?: string[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * What an OpenAPI document lacks for a client generator or Swagger UI to work against us: one line per
 * gap, so a failing test names every operation at once. `secured` lists the paths that need a key.
 */
export function openApiGaps(
  document: unknown,
  secured: (method: string, path: string) => boolean,
  expectations: OpenApiExpectations,
): string[] {
  const gaps: string[] = [];
  const seenIds = new Set<string>();
  const { paths = {} } = document as { paths?: Record<string, Record<string, Operation>> };
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item).filter(([key]) => HTTP_METHODS.has(key))) {
      const name = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (id === undefined) gaps.push(`${name}: no operationId`);
      else if (seenIds.has(id)) gaps.push(`${name}: duplicate operationId ${id}`);
      else seenIds.add(id);
      const needsKey = secured(method, path);
      if (operation.security === undefined) gaps.push(`${name}: no security declared`);
      else if (needsKey !== operation.security.length > 0)
        gaps.push(`${name}: security should be required=${needsKey}`);
      const writes = needsKey && method !== 'get' && method !== 'head';
      const statuses = [
        ...expectations.everywhere,
        ...(needsKey ? expectations.secured : []),
        ...(writes ? (expectations.securedWrites ?? []) : []),
      ];
      for (const status of statuses) {
        if (operation.responses?.[status]?.content?.['application/problem+json'] === undefined) {
          gaps.push(`${name}: no ${status} problem-details response`);
        }
      }
    }
  }
  return gaps;
}
