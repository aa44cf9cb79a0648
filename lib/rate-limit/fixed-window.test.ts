import { describe, expect, it } from 'vitest';
import { windowStartOf } from '@/lib/rate-limit/fixed-window';

describe('windowStartOf', () => {
  it('aligns attempts to fixed windows', () => {
    expect(windowStartOf(new Date('2026-11-20T12:09:59Z'), 600).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(windowStartOf(new Date('2026-11-20T12:10:00Z'), 600).toISOString()).toBe('2026-11-20T12:10:00.000Z');
  });
});
