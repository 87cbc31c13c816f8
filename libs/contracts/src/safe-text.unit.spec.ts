import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeText, unsafeCharacterIn } from './primitives';

describe('safeText', () => {
  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['BEL', '\u0007', 'U+0007'],
    ['newline', '\n', 'U+000A'],
    ['DEL', '\u007f', 'U+007F'],
    ['C1 NEL', '\u0085', 'U+0085'],
    ['LRM', '\u200e', 'U+200E'],
    ['RLE', '\u202b', 'U+202B'],
    ['RLO', '\u202e', 'U+202E'],
    ['LRI', '\u2066', 'U+2066'],
    ['PDI', '\u2069', 'U+2069'],
  ])('refuses %s, naming its code point', (_label, character, codePoint) => {
    expect(unsafeCharacterIn(`ab${character}cd`)).toBe(codePoint);
    const result = safeText(z.string()).safeParse(`ab${character}cd`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(codePoint);
  });

  it('keeps ordinary text in any script, emoji and spaces', () => {
    for (const text of ['Acme Inc.', 'Café ☕', 'שלום', 'مرحبا', '日本語', 'a b', '👩‍💻']) {
      expect(safeText(z.string()).safeParse(text).success).toBe(true);
    }
  });
});
