import { describe, expect, it } from 'vitest';
import { createZendeskClient } from './client';
import { InvalidEndpointError, parseZendeskEndpoint } from './endpoint';

describe('parseZendeskEndpoint', () => {
  it('accepts exactly <subdomain>.zendesk.com', () => {
    expect(parseZendeskEndpoint('acme.zendesk.com')).toEqual({
      subdomain: 'acme',
      host: 'acme.zendesk.com',
      origin: 'https://acme.zendesk.com',
    });
    expect(parseZendeskEndpoint(' Acme-2.Zendesk.com ').subdomain).toBe('acme-2');
  });

  it.each([
    ['IPv4 literal', '127.0.0.1'],
    ['IPv6 literal', '[::1]'],
    ['other host', 'acme.zendesk.com.evil.com'],
    ['other domain', 'acme.zendesk.co'],
    ['bare zendesk', 'zendesk.com'],
    ['nested subdomain', 'a.b.zendesk.com'],
    ['port', 'acme.zendesk.com:443'],
    ['userinfo', 'user@acme.zendesk.com'],
    ['scheme', 'https://acme.zendesk.com'],
    ['path', 'acme.zendesk.com/x'],
    ['trailing dot', 'acme.zendesk.com.'],
    ['look-alike unicode', 'acme.zendеsk.com'],
    ['unicode subdomain', 'аcme.zendesk.com'],
    ['punycode trick', 'xn--acme-.zendesk.com'],
    ['leading hyphen', '-acme.zendesk.com'],
    ['underscore', 'ac_me.zendesk.com'],
    ['empty', ''],
    ['backslash', 'acme.zendesk.com\\@evil.com'],
  ])('refuses %s', (_name, input) => {
    expect(() => parseZendeskEndpoint(input)).toThrow(InvalidEndpointError);
  });

  it('is the only way a host reaches the client', () => {
    expect(() => createZendeskClient({ endpoint: 'evil.com', accessToken: 't' })).toThrow(InvalidEndpointError);
  });
});
