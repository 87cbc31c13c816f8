import { randomBytes } from 'node:crypto';
import type { Account } from '../domain/account';

/** What a client identifies as and how it authenticated; never a credential. */
export interface LoggedHeaders {
  readonly userAgent: string | null;
  readonly accept: string | null;
  readonly contentType: string | null;
  /** The scheme only, or null when the header is absent. */
  readonly authorization: 'bearer' | 'basic' | 'other' | null;
}

export interface RequestLogEntry {
  readonly timestamp: string;
  readonly account: string | null;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly status: number;
  readonly tokenId: number | null;
  readonly clientId: string | null;
  readonly headers: LoggedHeaders;
}

export interface SimClock {
  /** Server time in epoch ms, including any manual advance and skew. */
  now(): number;
  advance(ms: number): void;
  setSkew(ms: number): void;
  readonly skewMs: number;
}

export function createClock(base: () => number): SimClock {
  let advanced = 0;
  let skew = 0;
  return {
    now: () => base() + advanced + skew,
    advance: (ms) => {
      advanced += ms;
    },
    setSkew: (ms) => {
      skew = ms;
    },
    get skewMs() {
      return skew;
    },
  };
}

const LOG_CAP = 20_000;

/** Everything the simulator holds, shared by the Zendesk routes and the control surface. */
export class SimState {
  readonly accounts = new Map<string, Account>();
  private readonly log: RequestLogEntry[] = [];
  private idCounter = 360_000_000_000;

  constructor(readonly clock: SimClock) {}

  nextId = (): number => {
    this.idCounter += 1;
    return this.idCounter;
  };

  /** Reserves a block so generated users get contiguous ids. */
  reserveIds(count: number): number {
    const first = this.idCounter + 1;
    this.idCounter += count;
    return first;
  }

  randomToken = (): string => randomBytes(24).toString('hex');

  record(entry: RequestLogEntry): void {
    this.log.push(entry);
    // Trim in batches so a long benchmark does not pay for a shift per request.
    if (this.log.length > LOG_CAP + 1000) this.log.splice(0, this.log.length - LOG_CAP);
  }

  requests(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  /** Clears the log, or only one account's entries so tests sharing a simulator do not erase each other's. */
  clearRequests(account?: string): void {
    if (account === undefined) this.log.length = 0;
    else {
      const kept = this.log.filter((entry) => entry.account !== account);
      this.log.splice(0, this.log.length, ...kept);
    }
  }
}
