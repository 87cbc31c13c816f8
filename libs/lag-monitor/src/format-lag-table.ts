import type { LagGroupReport, LagPartitionReport, LagReport } from './lag-report';

const COLUMNS = [
  { title: 'GROUP', align: 'left' },
  { title: 'TOPIC', align: 'left' },
  { title: 'PARTITION', align: 'right' },
  { title: 'COMMITTED', align: 'right' },
  { title: 'END', align: 'right' },
  { title: 'LAG', align: 'right' },
  { title: 'LAG S', align: 'right' },
  { title: 'STATUS', align: 'left' },
] as const;

type Row = readonly string[];

/** Topic cell of a group's rollup row: the row sums lag and takes the worst age and status. */
export const GROUP_ROLLUP_LABEL = '(group)';

const seconds = (value: number) => value.toFixed(1);

const partitionRow = (group: string, p: LagPartitionReport): Row => [
  group,
  p.topic,
  String(p.partition),
  p.committedOffset < 0 ? '-' : String(p.committedOffset),
  String(p.highWatermark),
  String(p.lag),
  seconds(p.lagSeconds),
  p.status,
];

const rollupRow = (g: LagGroupReport): Row => [
  g.group,
  GROUP_ROLLUP_LABEL,
  '',
  '',
  '',
  String(g.totalLag),
  seconds(g.maxLagSeconds),
  g.complete < 1 ? `${g.status} (window ${Math.floor(g.complete * 100)}% full)` : g.status,
];

/**
 * Fixed-width text for `npm run lag`: each group's partitions, then its rollup row. Numbers are right-
 * aligned and unformatted so the output stays greppable and diffable.
 */
export function formatLagTable(report: LagReport): string {
  const header: Row = COLUMNS.map((column) => column.title);
  const rows = report.groups.flatMap((g) => [...g.partitions.map((p) => partitionRow(g.group, p)), rollupRow(g)]);
  const widths = COLUMNS.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const render = (row: Row) =>
    COLUMNS.map((column, i) => {
      const cell = row[i] ?? '';
      const width = widths[i] ?? cell.length;
      return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
    })
      .join('  ')
      .trimEnd();
  const body = rows.length === 0 ? ['(no consumer groups)'] : rows.map(render);
  return [render(header), ...body, `evaluated at ${report.evaluatedAt}`].join('\n') + '\n';
}
