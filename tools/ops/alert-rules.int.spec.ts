import { describe, expect, it } from 'vitest';
import { contractNames, inContract, metricNamesIn } from './promql-names';
import { readRepoFile, readYaml, run } from './repo-files';

// CI machines start without promtool; the YAML checks below always run, promtool's only when present.
const PROMTOOL_INSTALL = 'apt-get install -y --no-install-recommends prometheus';
const hasPromtool = run('promtool', ['--version']).available;
if (!hasPromtool) console.warn(`promtool not on PATH: skipping promtool checks (install: ${PROMTOOL_INSTALL})`);

interface Rule {
  alert?: unknown;
  record?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

const doc = readYaml('docker/prometheus/alerts.yml') as { groups?: { name?: unknown; rules?: Rule[] }[] };
const groups = doc.groups ?? [];
const rules = groups.flatMap((group) => group.rules ?? []);
const contract = contractNames(readRepoFile('docker/prometheus/METRICS.md'));

describe('alert rules (parsed)', () => {
  it('has named groups with rules', () => {
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(typeof group.name).toBe('string');
      expect(group.rules?.length).toBeGreaterThan(0);
    }
  });

  it.each(rules.map((rule) => [String(rule.alert), rule] as const))('%s is complete', (_name, rule) => {
    expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(typeof rule.expr).toBe('string');
    expect(rule.for).toMatch(/^\d+[smh]$/);
    expect(['critical', 'warning', 'info']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toEqual(expect.any(String));
    expect(rule.annotations?.description).toEqual(expect.any(String));
  });

  it('has unique alert names', () => {
    const names = rules.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads only metrics named in METRICS.md', () => {
    const unknown = rules.flatMap((rule) =>
      [...metricNamesIn(String(rule.expr))]
        .filter((name) => !inContract(name, contract))
        .map((n) => `${String(rule.alert)}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it('covers what operations asked for', () => {
    const used = new Set(rules.flatMap((rule) => [...metricNamesIn(String(rule.expr))]));
    for (const name of [
      'zc_connector_status',
      'zc_connector_last_activity_timestamp_seconds',
      'zc_activity_freshness_seconds_bucket',
      'kafka_consumergroup_group_status_code',
      'zc_dlq_messages_total',
      'zc_outbox_lag_events',
      'zc_zendesk_requests_total',
      'zc_zendesk_budget_utilization_ratio',
    ]) {
      expect(used, name).toContain(name);
    }
  });

  it('the Grafana dashboard reads only contract metrics too', () => {
    const dashboard = JSON.parse(readRepoFile('docker/grafana/dashboards/zendesk-connector.json')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const unknown = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((t) =>
        [...metricNamesIn(t.expr)].filter((n) => !inContract(n, contract)).map((n) => `${panel.title}: ${n}`),
      ),
    );
    expect(unknown).toEqual([]);
  });
});

describe.skipIf(!hasPromtool)(`promtool (skipped without promtool; install: ${PROMTOOL_INSTALL})`, () => {
  it.each([
    ['check rules', ['check', 'rules', 'docker/prometheus/alerts.yml']],
    ['check config', ['check', 'config', 'docker/prometheus/prometheus.yml']],
    ['test rules', ['test', 'rules', 'docker/prometheus/alerts.test.yml']],
  ])('promtool %s', (_name, args) => {
    const result = run('promtool', args);
    expect(result.output).toContain('SUCCESS');
    expect(result.status, result.output).toBe(0);
  });
});
