/**
 * One measured figure, printed as a machine-readable line next to the human-readable output so
 * `npm run bench` can gather every script's figures into one report.
 */
export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  /** What the figure is judged against: a peer measured in the same run, or a target. */
  reference?: { label: string; value: number };
  /** `higher` when bigger is better (throughput), `lower` when smaller is better (latency, time). */
  better: 'higher' | 'lower';
  /** The target the ratio must meet, e.g. ≥ 0.8 of bare kafkajs or ≤ 1.05 × the lower bound. */
  target?: string;
  note?: string;
}

export const FIGURE_PREFIX = 'BENCH_FIGURE ';

export function reportFigure(figure: Figure): void {
  process.stdout.write(`${FIGURE_PREFIX}${JSON.stringify(figure)}\n`);
}

/** value ÷ reference, the ratio printed in the report. */
export function ratioOf(figure: Figure): number | undefined {
  if (!figure.reference || figure.reference.value === 0) return undefined;
  return figure.value / figure.reference.value;
}
