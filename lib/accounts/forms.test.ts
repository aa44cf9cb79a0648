import { describe, expect, it } from 'vitest';
import { parseAccountForm, safeReturnPath } from '@/lib/accounts/forms';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('safeReturnPath', () => {
  it('keeps a path on this store', () => {
    expect(safeReturnPath('/checkout')).toBe('/checkout');
    expect(safeReturnPath('/account/orders/12?x=1')).toBe('/account/orders/12?x=1');
  });

  it('never sends anyone to another site', () => {
    for (const hostile of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil',
      'javascript:alert(1)',
      '/ x',
      '',
      42,
      null,
    ]) {
      expect(safeReturnPath(hostile), String(hostile)).toBe('/account');
    }
  });
});

describe('parseAccountForm', () => {
  it('normalises the email and names the field it refuses', () => {
    const ok = parseAccountForm('signIn', form({ email: ' Ada@Example.COM ', password: 'x' }));
    expect(ok).toMatchObject({ ok: true, data: { email: 'ada@example.com' } });
    const badEmail = parseAccountForm('magicLink', form({ email: 'ada' }));
    expect(badEmail).toMatchObject({ ok: false, state: { status: 'error', field: 'email', email: 'ada' } });
    const short = parseAccountForm('signUp', form({ name: '', email: 'ada@example.com', password: 'short' }));
    expect(short).toMatchObject({ ok: false, state: { field: 'password', message: 'Use at least 10 characters.' } });
  });
});
