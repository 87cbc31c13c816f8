/** Zendesk serves each path with and without a `.json` suffix (reference, preamble). */
export function withJson(path: string): string[] {
  return [path, `${path}.json`];
}

export function stripJson(segment: string): string {
  return segment.endsWith('.json') ? segment.slice(0, -5) : segment;
}
