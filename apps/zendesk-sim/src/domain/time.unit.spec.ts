import { describe, expect, it } from 'vitest';
import { parseTimeToSeconds, toZendeskTime } from './time';

describe('Zendesk times', () => {
  it('prints second precision with a Z suffix and parses it back', () => {
    expect(toZendeskTime(0)).toBe('1970-01-01T00:00:00Z');
    expect(toZendeskTime(1_778_241_601)).toBe('2026-05-08T12:00:01Z');
    expect(parseTimeToSeconds('2026-05-08T12:00:01Z')).toBe(1_778_241_601);
    expect(parseTimeToSeconds('2026-05-08T14:00:01.999+02:00')).toBe(1_778_241_601);
  });
});
