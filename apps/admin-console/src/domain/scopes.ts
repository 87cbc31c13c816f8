/** What a signed-in key may do, as the console learnt it at sign-in (the services enforce it anyway). */
export interface Abilities {
  readConnectors: boolean;
  writeConnectors: boolean;
  readActivities: boolean;
}

export type ProbeAnswer = 'allowed' | 'forbidden' | 'unauthenticated';

/** A key is let in when it is valid and can read something; writing needs its own scope. */
export function abilitiesFrom(probes: {
  read: ProbeAnswer;
  write: ProbeAnswer;
  activities: ProbeAnswer;
}): { ok: true; abilities: Abilities } | { ok: false; reason: 'INVALID_KEY' | 'NO_READ_SCOPE' } {
  if (probes.read === 'unauthenticated') return { ok: false, reason: 'INVALID_KEY' };
  const abilities = {
    readConnectors: probes.read === 'allowed',
    writeConnectors: probes.write === 'allowed',
    readActivities: probes.activities === 'allowed',
  };
  if (!abilities.readConnectors && !abilities.readActivities) return { ok: false, reason: 'NO_READ_SCOPE' };
  return { ok: true, abilities };
}
