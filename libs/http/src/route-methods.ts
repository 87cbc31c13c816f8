import type { FastifyInstance } from 'fastify';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/v1/connectors/:id` as a matcher for concrete paths; a segment holding a parameter matches any one segment. */
const matcherOf = (pattern: string): RegExp => {
  const segments = pattern.split('/').map((segment) => {
    if (segment === '*') return '.*';
    if (segment.includes(':')) return '[^/]+';
    return escapeRegExp(segment);
  });
  return new RegExp(`^${segments.join('/')}/?$`);
};

/**
 * Remembers every route's path and methods, so a request that misses only by method gets 405 with
 * `Allow` rather than a 404 that suggests the path is wrong. Register before any route.
 */
export function trackRouteMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { matcher: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ matcher: matcherOf(route.url), methods: [route.method].flat() });
  });
  return (path) => {
    const allowed = new Set<string>();
    for (const route of routes) if (route.matcher.test(path)) for (const method of route.methods) allowed.add(method);
    return [...allowed].sort();
  };
}
