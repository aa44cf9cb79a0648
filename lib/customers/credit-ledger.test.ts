import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CreditEntry, creditBalance, creditStatement, creditToApply } from '@/lib/customers/credit-ledger';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('store credit balance', () => {
  it('adds grants and takes away debits and revocations', () => {
    const entries: CreditEntry[] = [
      { kind: 'grant', amount: 5_000, at: day(0), expiresAt: null },
      { kind: 'debit', amount: 1_200, at: day(1) },
      { kind: 'revoke', amount: 300, at: day(2) },
    ];
    expect(creditBalance(entries, day(3))).toBe(3_500);
  });

  it('lets a grant lapse at its expiry, and says so in the statement', () => {
    const entries: CreditEntry[] = [
      { kind: 'grant', amount: 2_000, at: day(0), expiresAt: day(10) },
      { kind: 'grant', amount: 1_000, at: day(1), expiresAt: null },
    ];
    expect(creditBalance(entries, day(9))).toBe(3_000);
    const after = creditStatement(entries, day(11));
    expect(after.balance).toBe(1_000);
    expect(after.lines.at(-1)).toEqual({ kind: 'expired', change: -2_000, at: day(10), balanceAfter: 1_000 });
  });

  it('spends the credit that expires soonest first, so a purchase never wastes the lasting credit', () => {
    const entries: CreditEntry[] = [
      { kind: 'grant', amount: 1_000, at: day(0), expiresAt: null },
      { kind: 'grant', amount: 1_000, at: day(1), expiresAt: day(20) },
      { kind: 'debit', amount: 1_000, at: day(2) },
    ];
    // The expiring grant paid for the order: after its expiry the lasting one is intact.
    expect(creditBalance(entries, day(30))).toBe(1_000);
  });

  it('counts an entry dated after now: a server whose clock is behind cannot spend a debited credit again', () => {
    const entries: CreditEntry[] = [
      { kind: 'grant', amount: 700, at: day(0), expiresAt: null },
      { kind: 'debit', amount: 700, at: day(5) },
    ];
    expect(creditBalance(entries, day(4))).toBe(0);
  });

  it('never goes negative: a debit larger than the balance is reported as overdrawn', () => {
    const statement = creditStatement(
      [
        { kind: 'grant', amount: 500, at: day(0), expiresAt: null },
        { kind: 'debit', amount: 800, at: day(1) },
      ],
      day(2),
    );
    expect(statement).toMatchObject({ balance: 0, overdrawn: 300 });
    expect(statement.lines.at(-1)).toMatchObject({ change: -500, balanceAfter: 0 });
  });

  const entriesArb = fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('grant' as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
        at: fc.integer({ min: 0, max: 60 }).map(day),
        expiresAt: fc.option(fc.integer({ min: 1, max: 90 }).map(day)),
      }),
      fc.record({
        kind: fc.constantFrom('debit' as const, 'revoke' as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
        at: fc.integer({ min: 0, max: 60 }).map(day),
      }),
    ),
    { maxLength: 30 },
  );

  it('property: the balance is never negative and never more than what was granted and not spent', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 0, max: 100 }).map(day), (entries, now) => {
        const { balance, overdrawn, lines } = creditStatement(entries, now);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(overdrawn).toBeGreaterThanOrEqual(0);
        for (const line of lines) expect(line.balanceAfter).toBeGreaterThanOrEqual(0);
        const granted = entries.filter((e) => e.kind === 'grant').reduce((s, e) => s + e.amount, 0);
        expect(balance).toBeLessThanOrEqual(granted);
        // The statement's changes add up to the balance.
        expect(lines.reduce((sum, line) => sum + line.change, 0)).toBe(balance);
      }),
    );
  });

  it('property: without expiries the balance is granted − spent (or zero, overdrawn by the rest)', () => {
    fc.assert(
      fc.property(entriesArb, (raw) => {
        const entries = raw.map((e) => (e.kind === 'grant' ? { ...e, expiresAt: null } : e));
        const now = day(100);
        const { balance, overdrawn } = creditStatement(entries, now);
        const granted = entries.filter((e) => e.kind === 'grant').reduce((s, e) => s + e.amount, 0);
        const taken = entries.filter((e) => e.kind !== 'grant').reduce((s, e) => s + e.amount, 0);
        expect(balance - overdrawn).toBe(granted - taken);
      }),
    );
  });
});

describe('credit applied to an order', () => {
  const order = { subtotal: 10_000, discountAmount: 1_000, shippingAmount: 500, currency: 'usd' };

  it('takes all the available credit when the order costs more', () => {
    expect(creditToApply({ ...order, available: 2_500 })).toBe(2_500);
  });

  it('covers at most the discounted items (shipping is paid by card)', () => {
    expect(creditToApply({ ...order, available: 50_000 })).toBe(9_000);
  });

  it('leaves Stripe’s smallest charge to pay when the order is free of shipping', () => {
    expect(creditToApply({ ...order, shippingAmount: 0, available: 50_000 })).toBe(8_950);
    expect(creditToApply({ ...order, shippingAmount: 20, available: 50_000 })).toBe(8_970);
  });

  it('takes nothing from an order that already costs no more than the smallest charge, or without a balance', () => {
    expect(creditToApply({ subtotal: 40, discountAmount: 0, shippingAmount: 0, currency: 'usd', available: 100 })).toBe(
      0,
    );
    expect(creditToApply({ ...order, available: 0 })).toBe(0);
  });

  it('property: never more than available, never below the smallest charge, never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5_000 }),
        (available, subtotal, discountShare, shippingAmount) => {
          const discountAmount = Math.floor((subtotal * discountShare) / 100);
          const applied = creditToApply({ available, subtotal, discountAmount, shippingAmount, currency: 'usd' });
          expect(applied).toBeGreaterThanOrEqual(0);
          expect(applied).toBeLessThanOrEqual(available);
          expect(applied).toBeLessThanOrEqual(subtotal - discountAmount);
          if (applied > 0) expect(subtotal - discountAmount + shippingAmount - applied).toBeGreaterThanOrEqual(50);
        },
      ),
    );
  });

  it('property: checkouts each taking what is available (the balance less the others’ holds) never hold more than the balance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(
          fc.record({
            subtotal: fc.integer({ min: 0, max: 40_000 }),
            shippingAmount: fc.integer({ min: 0, max: 2_000 }),
          }),
          { maxLength: 12 },
        ),
        (balance, orders) => {
          let held = 0;
          for (const order of orders) {
            const taken = creditToApply({ ...order, discountAmount: 0, currency: 'usd', available: balance - held });
            expect(taken).toBeGreaterThanOrEqual(0);
            held += taken;
          }
          expect(held).toBeLessThanOrEqual(balance);
        },
      ),
    );
  });
});
