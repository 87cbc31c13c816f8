/** Deterministic randomness and ids for test and benchmark data. */

export { seededRandom } from '@zc/testing';

let uuidCounter = 0;
/** A valid v4-shaped UUID, unique within the process. */
export function testUuid(): string {
  uuidCounter += 1;
  const hex = uuidCounter.toString(16).padStart(12, '0');
  const salt = (Math.floor(Math.random() * 0xfff) | 0x100).toString(16);
  return `00000000-0000-4${salt}-8000-${hex}`;
}
