import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, sessionParams, startHarness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

describe('clock and control API', () => {
  it('reports health and the emulated clock', async () => {
    expect(await h.control('GET', '/health')).toEqual({ ok: true });
    const { now } = await h.control<{ now: number }>('GET', '/clock');
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
  });

  it('advancing past expires_at expires open sessions and emits checkout.session.expired', async () => {
    const { now } = await h.control<{ now: number }>('GET', '/clock');
    const soon = await h.stripe.checkout.sessions.create({ ...sessionParams(), expires_at: now + 31 * 60 });
    const later = await h.stripe.checkout.sessions.create(sessionParams());
    const advanced = await h.control<{ now: number }>('POST', '/clock/advance', { seconds: 32 * 60 });
    expect(advanced.now).toBeGreaterThanOrEqual(now + 32 * 60);
    expect((await h.stripe.checkout.sessions.retrieve(soon.id)).status).toBe('expired');
    expect((await h.stripe.checkout.sessions.retrieve(later.id)).status).toBe('open');
    const events = await h.stripe.events.list({ type: 'checkout.session.expired' });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]?.request).toBeNull();
    expect(events.data[0]?.created).toBeGreaterThanOrEqual(now + 32 * 60);
  });

  it('new objects are stamped with the emulated time', async () => {
    await h.control('POST', '/clock/advance', { seconds: 3600 });
    const session = await h.stripe.checkout.sessions.create(sessionParams());
    expect(session.created - Date.now() / 1000).toBeGreaterThan(3590);
  });

  it('reset forgets objects, requests and the clock offset', async () => {
    const session = await h.stripe.checkout.sessions.create(sessionParams());
    await h.control('POST', '/clock/advance', { seconds: 3600 });
    await h.control('POST', '/reset');
    const { now } = await h.control<{ now: number }>('GET', '/clock');
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
    expect((await h.control<{ data: unknown[] }>('GET', '/requests')).data).toEqual([]);
    const missing = await fetch(`${h.emu.url}/_emulator/sessions/${session.id}`);
    expect(missing.status).toBe(404);
  });

  it('exposes the raw stored session', async () => {
    const session = await h.stripe.checkout.sessions.create({ ...sessionParams(), metadata: { cart: 'x' } });
    const raw = await h.control<Record<string, unknown>>('GET', `/sessions/${session.id}`);
    expect(raw).toMatchObject({ id: session.id, status: 'open', currency: 'usd', metadata: { cart: 'x' } });
    expect(raw.lineItems).toHaveLength(1);
  });

  it('answers bad control input with a 4xx JSON error', async () => {
    const bad = await fetch(`${h.emu.url}/_emulator/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ seconds: -5 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('parameter_invalid');
    const badFault = await fetch(`${h.emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(badFault.status).toBe(400);
    const notJson = await fetch(`${h.emu.url}/_emulator/webhooks`, { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    const unknown = await fetch(`${h.emu.url}/_emulator/nothing`);
    expect(unknown.status).toBe(404);
  });
});
