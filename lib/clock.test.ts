import { describe, expect, it } from 'vitest';
import { remoteClock } from '@/lib/clock';

function answering(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('remoteClock', () => {
  it('reads unix seconds from the clock URL', async () => {
    const clock = remoteClock('http://emulator.test/_emulator/clock', answering(200, { now: 1_900_000_000 }));
    expect((await clock()).toISOString()).toBe('2030-03-17T17:46:40.000Z');
  });

  it('fails loudly on an error status or a malformed answer instead of inventing a time', async () => {
    await expect(remoteClock('http://x.test/c', answering(500, { now: 1 }))()).rejects.toThrow(/answered 500/);
    await expect(remoteClock('http://x.test/c', answering(200, { time: 'soon' }))()).rejects.toThrow();
  });
});
