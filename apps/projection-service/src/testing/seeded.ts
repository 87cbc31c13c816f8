/** Deterministic randomness and ids for test and benchmark data. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let uuidCounter = 0;
/** A valid v4-shaped UUID, unique within the process. */
export function testUuid(): string {
  uuidCounter += 1;
  const hex = uuidCounter.toString(16).padStart(12, '0');
  const salt = (Math.floor(Math.random() * 0xfff) | 0x100).toString(16);
  return `00000000-0000-4${salt}-8000-${hex}`;
}
