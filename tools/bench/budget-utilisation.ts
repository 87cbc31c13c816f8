export interface UtilisationInput {
  /** Arrival time of every request of the run, epoch ms. */
  readonly times: readonly number[];
  readonly startMs: number;
  readonly endMs: number;
  readonly budgetPerWindow: number;
  readonly windowMs: number;
}

export interface Utilisation {
  /** requests ÷ (budget × elapsed windows): the lower bound (requests ÷ rate) ÷ wall time. */
  readonly overall: number;
  /** Requests in each whole window [start + k·w, start + (k+1)·w) that ends before endMs. */
  readonly windows: readonly number[];
  /** Mean of count ÷ budget over those whole windows; the partial last window is left out. */
  readonly meanOfWindows: number;
}

/** How much of a per-window budget a run used between start and end (start: authorization). */
export function budgetUtilisation(input: UtilisationInput): Utilisation {
  const { times, startMs, endMs, budgetPerWindow, windowMs } = input;
  const elapsedWindows = (endMs - startMs) / windowMs;
  const inRun = times.filter((t) => t >= startMs && t <= endMs);
  const windows = Array.from({ length: Math.floor(elapsedWindows) }, () => 0);
  for (const t of inRun) {
    const k = Math.floor((t - startMs) / windowMs);
    if (k < windows.length) windows[k] = (windows[k] ?? 0) + 1;
  }
  const meanOfWindows =
    windows.length === 0 ? 0 : windows.reduce((sum, n) => sum + n / budgetPerWindow, 0) / windows.length;
  return { overall: inRun.length / (budgetPerWindow * elapsedWindows), windows, meanOfWindows };
}
