/**
 * Status is said in words and a symbol, never colour alone (WCAG 1.4.1); the tone only picks a colour
 * that repeats what the words say.
 */
export type Tone = 'ok' | 'warn' | 'bad' | 'idle';

const TONES: Record<string, { tone: Tone; symbol: string; label: string }> = {
  connected: { tone: 'ok', symbol: '✓', label: 'Connected' },
  backfilling: { tone: 'warn', symbol: '…', label: 'Backfilling' },
  connecting: { tone: 'warn', symbol: '…', label: 'Connecting' },
  pending: { tone: 'idle', symbol: '○', label: 'Pending' },
  running: { tone: 'warn', symbol: '…', label: 'Running' },
  registered: { tone: 'idle', symbol: '○', label: 'Registered' },
  authorizing: { tone: 'warn', symbol: '…', label: 'Authorizing' },
  authorized: { tone: 'warn', symbol: '…', label: 'Authorized' },
  degraded: { tone: 'warn', symbol: '!', label: 'Degraded' },
  stalled: { tone: 'bad', symbol: '!', label: 'Stalled' },
  failed: { tone: 'bad', symbol: '✗', label: 'Failed' },
  error: { tone: 'bad', symbol: '✗', label: 'Error' },
  disconnected: { tone: 'idle', symbol: '–', label: 'Disconnected' },
  ok: { tone: 'ok', symbol: '✓', label: 'OK' },
  failing: { tone: 'bad', symbol: '✗', label: 'Failing' },
  unknown: { tone: 'idle', symbol: '?', label: 'Unknown' },
};

export function statusText(status: string): { tone: Tone; symbol: string; label: string } {
  const known = TONES[status.toLowerCase()];
  if (known) return known;
  const label =
    status.length === 0 ? 'Unknown' : `${status.charAt(0).toUpperCase()}${status.slice(1).replaceAll('_', ' ')}`;
  return { tone: 'idle', symbol: '?', label };
}

/** A 0..1 ratio as whole percent; null when unknown. */
export const percent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? 'unknown' : `${String(Math.floor(Math.min(1, Math.max(0, ratio)) * 100))} %`;
