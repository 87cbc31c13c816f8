import { html } from 'ghtml';
import type { LagReport } from '../api/types';
import { layout, type PageContext } from './layout';

export interface OperationsData {
  lag: LagReport | null;
  lagError: string | null;
  outbox: { name: string; value: string }[] | null;
  metrics: { service: string; url: string }[];
}

const BURROW: Record<string, string> = {
  OK: '✓ OK',
  WARN: '! Warning',
  ERR: '✗ Error',
  STOP: '✗ Stopped',
  STALL: '✗ Stalled',
  REWIND: '! Rewound',
};
const burrow = (status: string) => BURROW[status] ?? status;

function lagTables(lag: LagReport): string {
  return lag.groups
    .map((group) => {
      const perTopic = new Map<string, { lag: number; seconds: number; statuses: Set<string> }>();
      for (const p of group.partitions) {
        const t = perTopic.get(p.topic) ?? { lag: 0, seconds: 0, statuses: new Set<string>() };
        t.lag += p.lag;
        t.seconds = Math.max(t.seconds, p.lagSeconds);
        t.statuses.add(p.status);
        perTopic.set(p.topic, t);
      }
      const rows = [...perTopic]
        .map(
          ([topic, t]) =>
            html`<tr>
              <th scope="row">${topic}</th>
              <td>${t.lag}</td>
              <td>${t.seconds.toFixed(1)}</td>
              <td>${[...t.statuses].map(burrow).join(', ')}</td>
            </tr>`,
        )
        .join('');
      return html`<section>
        <h3>${group.group}: ${burrow(group.status)}</h3>
        <p>
          Total lag ${group.totalLag} messages, at most ${group.maxLagSeconds.toFixed(1)} s behind; window
          ${Math.round(group.complete * 100)} % complete.
        </p>
        <table>
          <caption class="visually-hidden">
            Lag of ${group.group} per topic
          </caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Lag (messages)</th>
              <th scope="col">Lag (seconds)</th>
              <th scope="col">Partition status</th>
            </tr>
          </thead>
          <tbody>
            !${rows}
          </tbody>
        </table>
      </section>`;
    })
    .join('');
}

export function operationsPage(context: PageContext, data: OperationsData): string {
  return layout(
    'Operations',
    context,
    html`<section aria-labelledby="lag-title">
        <h2 id="lag-title">Consumer groups</h2>
        <div data-live="lag">
          !${
            data.lag === null
              ? html`<p class="error">Lag is not available: ${data.lagError ?? 'unknown'}</p>`
              : data.lag.groups.length === 0
                ? html`<p>No consumer group reported yet.</p>`
                : lagTables(data.lag)
          }
        </div>
      </section>
      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title">Outbox</h2>
        !${
          data.outbox === null
            ? html`<p>The auth service’s metrics could not be read.</p>`
            : data.outbox.length === 0
              ? html`<p>The auth service reports no outbox metric.</p>`
              : html`<dl class="facts">
                  !${data.outbox
                    .map(
                      (m) =>
                        html`<dt><code>${m.name}</code></dt>
                          <dd>${m.value}</dd>`,
                    )
                    .join('')}
                </dl>`
        }
      </section>
      <section aria-labelledby="metrics-title">
        <h2 id="metrics-title">Metrics</h2>
        <ul>
          !${data.metrics.map((m) => html`<li><a href="${m.url}">${m.service} /metrics</a></li>`).join('')}
        </ul>
      </section>`,
  );
}
