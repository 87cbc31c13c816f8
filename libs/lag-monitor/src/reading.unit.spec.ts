import { describe, expect, it } from 'vitest';
import { lagMessages } from './reading';

describe('lagMessages', () => {
  it('is the distance from the committed offset to the log end', () => {
    expect(lagMessages(40, 100, 0)).toBe(60);
  });

  it('is 0 for an empty partition the group never committed on', () => {
    expect(lagMessages(-1, 0, 0)).toBe(0);
    expect(lagMessages(-1, 50, 50)).toBe(0);
  });

  it('counts only retained messages when nothing was committed', () => {
    expect(lagMessages(-1, 100, 30)).toBe(70);
  });

  it('counts only retained messages when the commit fell behind retention', () => {
    expect(lagMessages(10, 100, 30)).toBe(70);
  });

  it('never goes negative', () => {
    expect(lagMessages(120, 100, 0)).toBe(0);
  });
});
