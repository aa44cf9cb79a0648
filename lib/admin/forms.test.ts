import { describe, expect, it } from 'vitest';
import { grantFormSchema, parseAdminForm, refundFormSchema } from '@/lib/admin/forms';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const refund = { orderId: '7', amount: '12.50', reason: 'duplicate', requestKey: crypto.randomUUID() };

describe('console forms', () => {
  it('reads a refund: amount in minor units, checkboxes as booleans', () => {
    const parsed = parseAdminForm(refundFormSchema, form({ ...refund, restoreCredit: 'on' }));
    expect(parsed).toMatchObject({
      ok: true,
      data: { orderId: 7, amount: 1_250, restoreCredit: true, releaseRedemptions: false, note: '' },
    });
  });

  it('refuses a negative, zero, over-precise or non-numeric amount, naming the field', () => {
    for (const amount of ['-1', '0', '0.001', '1e3', 'ten', '']) {
      const parsed = parseAdminForm(refundFormSchema, form({ ...refund, amount }));
      expect(parsed.ok ? null : parsed.state, amount).toMatchObject({ status: 'error', field: 'amount' });
    }
  });

  it('refuses a missing request key and an unknown reason', () => {
    expect(parseAdminForm(refundFormSchema, form({ ...refund, requestKey: 'x' })).ok).toBe(false);
    expect(parseAdminForm(refundFormSchema, form({ ...refund, reason: 'because' })).ok).toBe(false);
  });

  it('reads a grant with an optional expiry at the end of that day (UTC)', () => {
    const base = { customerId: 'c1', amount: '25', reason: 'Late delivery' };
    expect(parseAdminForm(grantFormSchema, form({ ...base, expires: '' }))).toMatchObject({
      ok: true,
      data: { expires: null },
    });
    const dated = parseAdminForm(grantFormSchema, form({ ...base, expires: '2027-06-30' }));
    expect(dated.ok && dated.data.expires?.toISOString()).toBe('2027-06-30T23:59:59.000Z');
  });
});
