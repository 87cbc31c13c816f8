/** A validated Zendesk account endpoint: exactly `<subdomain>.zendesk.com`. */
export interface ZendeskEndpoint {
  readonly subdomain: string;
  readonly host: string;
  readonly origin: string;
}

export class InvalidEndpointError extends Error {
  readonly code = 'ZENDESK_INVALID_ENDPOINT';
  constructor(readonly input: string) {
    super('Endpoint must be <subdomain>.zendesk.com (lowercase letters, digits and hyphens; no port or path)');
    this.name = 'InvalidEndpointError';
  }
}

// ASCII only and anchored: no ports, userinfo, paths, IP literals, trailing dots or look-alike unicode.
const ENDPOINT = /^([a-z0-9][a-z0-9-]{0,62})\.zendesk\.com$/;

/**
 * The only way a host enters the client. Accepts optional surrounding whitespace and upper case,
 * nothing else, so user input can never point a token at another host.
 */
export function parseZendeskEndpoint(input: string): ZendeskEndpoint {
  const candidate = input.trim().toLowerCase();
  const match = ENDPOINT.exec(candidate);
  const subdomain = match?.[1];
  if (!subdomain || subdomain.endsWith('-')) throw new InvalidEndpointError(input);
  const host = `${subdomain}.zendesk.com`;
  return { subdomain, host, origin: `https://${host}` };
}

export function isZendeskEndpoint(input: string): boolean {
  try {
    parseZendeskEndpoint(input);
    return true;
  } catch {
    return false;
  }
}
