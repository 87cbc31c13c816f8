import type { FastifyInstance } from 'fastify';
import { planFeatures } from '../domain/account-settings-view';
import { guard } from './guards';
import { sendJson } from './zendesk-errors';
import { withJson } from './json-paths';

/**
 * `GET /api/v2/account/settings`, which third-party clients call as their connection check, and the
 * account object beside it, which names the account (settings do not). Both are for agents and admins.
 */
export function accountRoutes(app: FastifyInstance): void {
  for (const path of withJson('/api/v2/account/settings')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, { agentOrAdmin: true });
      if (!caller) return reply;
      const { plan } = caller.account.settings;
      const features = planFeatures(plan);
      return sendJson(reply, 200, {
        settings: {
          branding: {
            header_color: '78A300',
            page_background_color: '333333',
            tab_background_color: '7FA239',
            text_color: 'FFFFFF',
            header_logo_url: null,
            favicon_url: null,
          },
          apps: { use: true, create_private: true, create_public: false },
          api: { accepted_api_agreement: true, api_password_access: 'false', api_token_access: 'true' },
          billing: { backend: 'zuora' },
          localization: { locale_ids: [1] },
          lotus: { prefer_lotus: true, reporting: true, pod_id: 23 },
          statistics: { forum: true, search: true, rule_usage: true },
          rule: {
            macro_most_used: true,
            macro_order: 'alphabetical',
            skill_based_filtered_views: [],
            using_skill_based_routing: false,
          },
          cdn: { cdn_provider: 'default', fallback_cdn_provider: 'cloudfront', hosts: [] },
          ...features,
        },
      });
    });
  }

  for (const path of withJson('/api/v2/account')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, { agentOrAdmin: true });
      if (!caller) return reply;
      const { account } = caller;
      return sendJson(reply, 200, {
        account: {
          url: `https://${account.subdomain}.zendesk.com`,
          name: account.settings.name ?? account.subdomain,
          sandbox: false,
          subdomain: account.subdomain,
          time_format: 24,
          time_zone: 'UTC',
          owner_id: account.owner() ?? null,
          multiproduct: false,
        },
      });
    });
  }
}
