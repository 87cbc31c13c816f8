import { describe, expect, it } from 'vitest';
import { budgetUtilisation } from './budget-utilisation';

const W = 60_000;
const burst = (at: number, n: number) => Array.from({ length: n }, (_, i) => at + i * 50);

describe('budgetUtilisation', () => {
  it('counts whole windows only, so a short last batch does not read as idle budget', () => {
    // 1,202 requests at 200 a window: six full bursts and two requests in a seventh window.
    const times = [0, 1, 2, 3, 4, 5].flatMap((k) => burst(k * 60_600, 200)).concat(burst(6 * 60_600, 2));
    const use = budgetUtilisation({ times, startMs: 0, endMs: 6 * 60_600 + 1_000, budgetPerWindow: 200, windowMs: W });
    expect(use.windows).toEqual([200, 200, 200, 200, 200, 200]);
    expect(use.meanOfWindows).toBe(1);
    expect(use.overall).toBeCloseTo(1_202 / (200 * ((6 * 60_600 + 1_000) / W)), 6);
  });

  it('reads above 100 % overall when the run is shorter than requests ÷ rate (the first window bursts)', () => {
    const times = [...burst(0, 200), ...burst(60_600, 100)];
    const use = budgetUtilisation({ times, startMs: 0, endMs: 70_000, budgetPerWindow: 200, windowMs: W });
    expect(use.overall).toBeGreaterThan(1);
    expect(use.windows).toEqual([200]);
  });

  it('ignores requests outside the run', () => {
    const use = budgetUtilisation({
      times: [-1, 10, 60_001],
      startMs: 0,
      endMs: 60_000,
      budgetPerWindow: 1,
      windowMs: W,
    });
    expect(use.windows).toEqual([1]);
    expect(use.overall).toBe(1);
  });
});
