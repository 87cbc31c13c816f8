import { openTokenBundle } from '@zc/contracts';
import type { KeyRing } from '@zc/secrets';
import { createZendeskClient, type ResponseMeta, type ZendeskClient } from '@zc/zendesk';
import type { CollectorMetrics, ZendeskSession, ZendeskSessionOptions } from '../application/ports';

export interface ZendeskAccessDeps extends ZendeskSessionOptions {
  readonly instanceId: string;
  readonly keyRing: KeyRing;
  readonly hostMap: (endpoint: string) => Readonly<Record<string, string>>;
  readonly metrics: CollectorMetrics;
  readonly now: () => number;
}

/**
 * How one worker reaches its Zendesk account: every request passes the lease check and the shared
 * budget (each stream its own fair queue), and every response feeds the budget and the metrics.
 * The decrypted access token is cached per token version and dropped with `forgetToken`.
 */
export class ZendeskAccess implements ZendeskSession {
  #token: { version: number; value: string } | null = null;
  readonly #clients = new Map<string, ZendeskClient>();

  constructor(private readonly deps: ZendeskAccessDeps) {}

  forgetToken(): void {
    this.#token = null;
  }

  /** A Zendesk client for one stream. */
  client(stream: string): ZendeskClient {
    const existing = this.#clients.get(stream);
    if (existing) return existing;
    const endpoint = this.#endpoint();
    const created = createZendeskClient({
      endpoint,
      hostMap: this.deps.hostMap(endpoint),
      accessToken: () => this.#accessToken(),
      userAgent: `zc-collector/${this.deps.instanceId}`,
      beforeRequest: this.#gate(stream),
      onResponse: this.#onResponse,
      now: this.deps.now,
    });
    this.#clients.set(stream, created);
    return created;
  }

  #endpoint(): string {
    const view = this.deps.view();
    return view.endpoint ?? `${view.subdomain ?? this.deps.connectorId}.zendesk.com`;
  }

  #accessToken(): string {
    const { tokenBundle, tokenVersion } = this.deps.view();
    if (tokenBundle === null) throw new Error('connector has no token');
    if (this.#token?.version !== tokenVersion) {
      this.#token = {
        version: tokenVersion,
        // The refresh token stays with the auth service; only the access token is kept, in memory.
        value: openTokenBundle(this.deps.keyRing, this.deps.connectorId, tokenBundle).accessToken,
      };
    }
    return this.#token.value;
  }

  /** Every request of a connector passes here, so no call can skip the budget or outlive the lease. */
  #gate(stream: string) {
    return async (path: string): Promise<void> => {
      this.deps.assertRunning();
      await this.deps.budget.acquire(stream, path, this.deps.signal);
      // The wait may have been long: check again that the lease still covers this request.
      this.deps.assertRunning();
    };
  }

  #onResponse = (meta: ResponseMeta): void => {
    const { budget, metrics, connectorId } = this.deps;
    budget.observe(meta);
    metrics.request(connectorId, meta.path, meta.status);
    const used = budget.utilization();
    metrics.budgetUtilization(connectorId, 'api', used.api);
    metrics.budgetUtilization(connectorId, 'incremental_export', used.incremental);
  };
}
