import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports are picked below the kernel's ephemeral range: a port the kernel hands out for `listen(0)` is
 * from the same range as the source ports of outgoing connections, so between our probe and the
 * service's own `listen` a Kafka or MongoDB client could take it (seen in CI: EADDRINUSE at start).
 * Below the range only another listener can, and the probe checks that none has.
 */
const FIRST_PORT = 20_000;
const RESERVED = new Set([27017, 27018]);
const handedOut = new Set<number>();

function ephemeralStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const parsed = Number(low);
    return Number.isInteger(parsed) && parsed > FIRST_PORT + 1_000 ? parsed : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => {
      resolve(null);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(address === null || typeof address === 'string' ? null : address.port);
      });
    });
  });
}

/** A free loopback port, not handed out before by this process, outside the ephemeral range when it can be. */
export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = FIRST_PORT + Math.floor(Math.random() * (end - FIRST_PORT));
    if (RESERVED.has(candidate) || handedOut.has(candidate)) continue;
    if ((await canListen(candidate)) !== null) {
      handedOut.add(candidate);
      return candidate;
    }
  }
  // Crowded below the range: let the kernel choose, as before.
  const port = await canListen(0);
  if (port === null) throw new Error('could not find a free loopback port');
  return port;
}
