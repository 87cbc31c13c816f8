import type { Utilisation } from './budget-utilisation';
import { reportFigure } from './figure';

export interface BackfillFigures {
  /** `equal`: the account's limit is the budget; `half`: it is half the budget. */
  readonly profile: 'equal' | 'half';
  readonly scale: number;
  readonly budget: number;
  readonly accountLimit: number;
  readonly windowMs: number;
  readonly auditEntries: number;
  readonly users: number;
  /** ⌈audit/100⌉ + ⌈users/1000⌉ + the fixed checks: the fewest requests the backfill can make. */
  readonly rMin: number;
  readonly published: number;
  readonly requests: number;
  readonly rejected: number;
  /** 429s in each minute from authorization. */
  readonly rejectedPerMinute: readonly number[];
  readonly wallMs: number;
  readonly firstRequestMs: number;
  readonly peakInWindow: number;
  /** Against the rate that binds: the budget, or the account's limit when lower. */
  readonly utilisation: Utilisation;
  /** Each ETA BackfillProgressed carried, minus the real end (positive: it said later). */
  readonly etaErrors: readonly { readonly ratio: number; readonly errorMs: number }[];
}

export interface MemoryFigures {
  readonly runtime: string;
  readonly held: number;
  readonly connectors: number;
  readonly rssBytes: number;
  readonly sampledPeakBytes: number;
  readonly lifePeakBytes: number;
  readonly heapUsedBytes: number | undefined;
  readonly externalBytes: number | undefined;
}

const BENCH = 'collector-backfill';
const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : String(Math.round(bytes / 1_048_576)));
const pct = (ratio: number) => `${(100 * ratio).toFixed(1)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Counts per window of `windowMs` from `startMs` (429s per minute after authorization). */
export function perMinute(times: readonly number[], startMs: number, windowMs: number): number[] {
  const counts: number[] = [];
  for (const t of times) {
    const k = Math.max(0, Math.floor((t - startMs) / windowMs));
    while (counts.length <= k) counts.push(0);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

export function printBackfillReport(f: BackfillFigures): void {
  const rate = Math.min(f.budget, f.accountLimit);
  const boundMs = (f.rMin / rate) * f.windowMs;
  const ratio = f.wallMs / boundMs;
  const target = f.profile === 'equal' ? 1.02 : 1.05;
  const laterMinutes = f.rejectedPerMinute.slice(1);
  const worstLater = Math.max(0, ...laterMinutes);
  const use = f.utilisation;
  const against = f.profile === 'equal' ? 'R_min ÷ budget' : 'R_min ÷ account limit';
  const lines = [
    `\ncollector backfill (${f.profile}), scale ${f.scale}: ${f.auditEntries} audit entries, ${f.users} users, budget ${f.budget}/min, account limit ${f.accountLimit}/min`,
    `  published ${f.published}/${f.auditEntries} distinct activities`,
    `  R_min ${f.rMin} (⌈${f.auditEntries}/100⌉ + ⌈${f.users}/1000⌉ + fixed checks); requests made ${f.requests} (${f.requests - f.rMin} over R_min: the live tail's polls and retries)`,
    `  wall ${seconds(f.wallMs)} from authorization to BackfillCompleted (first request after ${seconds(f.firstRequestMs)})`,
    `  bound ${against} = ${seconds(boundMs)}: ratio wall ÷ bound ${ratio.toFixed(3)} (target ≤ ${target})`,
    `  429 responses ${f.rejected} (per minute: ${f.rejectedPerMinute.join(', ') || 'none'}; worst minute after the first ${worstLater}, target ${f.profile === 'equal' ? '0 in all' : '≤ 1'})`,
    `  utilisation of ${rate}/min, mean of the ${use.windows.length} whole 60 s windows: ${pct(use.meanOfWindows)} (per window: ${use.windows.join(', ')}); peak in any sliding 60 s ${f.peakInWindow} (the simulator counts fixed clock minutes, so a 60 s span can hold the end of one and all of the next: an account limit below the budget can be beaten by up to one window)`,
  ];
  const quarters = [0.25, 0.5, 0.75].flatMap((q) => {
    const at = f.etaErrors.find((e) => e.ratio >= q);
    return at === undefined ? [] : [`at ${pct(at.ratio)} ${at.errorMs >= 0 ? '+' : ''}${seconds(at.errorMs)}`];
  });
  lines.push(`  ETA in BackfillProgressed minus the real end: ${quarters.join(', ') || 'none emitted'}`);
  console.log(lines.join('\n'));
  reportFigure({
    bench: BENCH,
    name: `backfill wall time (${f.profile === 'equal' ? 'account limit = budget' : 'account limit = budget ÷ 2'})`,
    value: f.wallMs / 1000,
    unit: 's',
    reference: { label: against, value: boundMs / 1000 },
    better: 'lower',
    target: `≤ ${target} × bound`,
    note: `scale ${f.scale}, R_min ${f.rMin}, ${f.requests} requests, ${f.rejected} 429s`,
  });
  reportFigure({
    bench: BENCH,
    name: `requests made (${f.profile})`,
    value: f.requests,
    unit: 'count',
    reference: { label: 'R_min', value: f.rMin },
    better: 'lower',
  });
  reportFigure({
    bench: BENCH,
    name: `429 responses (${f.profile})`,
    value: f.rejected,
    unit: 'count',
    better: 'lower',
    target: f.profile === 'equal' ? '0' : '≤ 1 per minute after the first',
  });
}

export function printMemoryReport(m: MemoryFigures): void {
  const judgedRss = Math.max(m.sampledPeakBytes, m.rssBytes);
  console.log(
    [
      `  collector process alone (${m.runtime}) holding ${m.held}/${m.connectors} connectors: RSS ${mb(m.rssBytes)} MB after a poll interval, ${mb(m.sampledPeakBytes)} MB peak sampled while taking them on (target < 256 MB)`,
      `  its peak over its life (VmHWM, incl. the large backfills) ${mb(m.lifePeakBytes)} MB; V8 heap used ${mb(m.heapUsedBytes)} MB, external ${mb(m.externalBytes)} MB`,
    ].join('\n'),
  );
  reportFigure({
    bench: BENCH,
    name: `collector RSS with ${m.held} connectors`,
    value: Math.round(judgedRss / 1_048_576),
    unit: 'MB',
    better: 'lower',
    target: '< 256 MB',
    note: `collector process alone (${m.runtime}); VmHWM over its life ${mb(m.lifePeakBytes)} MB`,
  });
}
