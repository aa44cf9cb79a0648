import { describe, expect, it } from 'vitest';
import { tooManyCodesMessage } from '@/lib/checkout/code-attempt-wait';

describe('tooManyCodesMessage', () => {
  it('says how long to wait, in whole minutes rounded up', () => {
    expect(tooManyCodesMessage(600)).toBe('Too many codes tried. Try again in 10 minutes.');
    expect(tooManyCodesMessage(181)).toBe('Too many codes tried. Try again in 4 minutes.');
    expect(tooManyCodesMessage(240)).toBe('Too many codes tried. Try again in 4 minutes.');
    expect(tooManyCodesMessage(61)).toBe('Too many codes tried. Try again in 2 minutes.');
    expect(tooManyCodesMessage(60)).toBe('Too many codes tried. Try again in 1 minute.');
  });

  it('counts seconds in the last minute, and says when codes can be tried again', () => {
    expect(tooManyCodesMessage(59)).toBe('Too many codes tried. Try again in 59 seconds.');
    expect(tooManyCodesMessage(1)).toBe('Too many codes tried. Try again in 1 second.');
    expect(tooManyCodesMessage(0.4)).toBe('Too many codes tried. Try again in 1 second.');
    expect(tooManyCodesMessage(0)).toBe('You can try a code again now.');
    expect(tooManyCodesMessage(-3)).toBe('You can try a code again now.');
  });
});
