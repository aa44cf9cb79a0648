import { describe, expect, it } from 'vitest';
import {
  type AddressEdit,
  addressAction,
  addressBlock,
  checkoutChannelName,
  giftMessageAction,
  payCheck,
  savedAddressKey,
  shouldTakeNews,
  toAddressEdit,
} from '@/components/checkout/pay-guard';

const AUSTIN = {
  name: 'Grace Hopper',
  address: { line1: 'PO Box 1234', line2: null, city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
};
const LONDON = {
  name: 'Ada Lovelace',
  address: {
    line1: '10 Downing Street',
    line2: null,
    city: 'London',
    state: '',
    postal_code: 'SW1A 2AA',
    country: 'GB',
  },
};

const austin = toAddressEdit({ complete: true, empty: false, value: AUSTIN });
const london = toAddressEdit({ complete: true, empty: false, value: LONDON });
const londonNoCity = toAddressEdit({
  complete: false,
  empty: false,
  value: { ...LONDON, address: { ...LONDON.address, city: '' } },
});
const cleared = toAddressEdit({
  complete: false,
  empty: true,
  value: {
    name: '',
    address: { line1: '', line2: null, city: '', state: '', postal_code: '', country: 'US' },
  },
});

const savedAustin = savedAddressKey({
  name: 'Grace Hopper',
  line1: 'PO Box 1234',
  line2: null,
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
});

function guard(edit: AddressEdit | null, overrides: Partial<Parameters<typeof addressBlock>[0]> = {}) {
  return addressBlock({
    edit,
    savedKeys: [savedAustin, null],
    scheduled: false,
    sending: false,
    failed: false,
    ...overrides,
  });
}

describe('the address form and Pay', () => {
  it('the saved address as the element reports it on mount is no edit: Pay is not held', () => {
    expect(savedAustin).toBe(austin.key);
    expect(addressAction(austin, { savedKeys: [savedAustin] })).toBe('none');
    expect(guard(austin)).toBeNull();
    expect(guard(null)).toBeNull();
  });

  it('a new shopper’s empty form on mount is not "unfinished" (the enter-your-address block applies)', () => {
    expect(addressAction(cleared, { savedKeys: [null, null] })).toBe('none');
    expect(guard(cleared, { savedKeys: [null, null] })).toBeNull();
  });

  it('a complete new address is sent; until it is saved, Pay waits for it', () => {
    expect(addressAction(london, { savedKeys: [savedAustin, null] })).toBe('send');
    expect(guard(london)).toBe('address-saving');
    expect(guard(london, { scheduled: true })).toBe('address-saving');
    expect(guard(london, { sending: true, savedKeys: [savedAustin, london.key] })).toBe('address-saving');
    // Sent and answered: the last sent key is the one on screen.
    expect(guard(london, { savedKeys: [savedAustin, london.key] })).toBeNull();
  });

  it('an incomplete edit holds Pay, also a form cleared over a saved address', () => {
    expect(addressAction(londonNoCity, { savedKeys: [savedAustin] })).toBe('incomplete');
    expect(guard(londonNoCity)).toBe('address-incomplete');
    expect(guard(cleared)).toBe('address-incomplete');
    // With no saved address, a half-typed one is unfinished too.
    expect(guard(londonNoCity, { savedKeys: [null, null] })).toBe('address-incomplete');
  });

  it('an incomplete value equal to the saved address (the element is stricter than the server) does not hold Pay', () => {
    const stricter = { ...austin, complete: false };
    expect(guard(stricter)).toBeNull();
  });

  it('a refused address holds Pay until the form shows an address the server has', () => {
    expect(guard(london, { failed: true, savedKeys: [savedAustin, null] })).toBe('address-saving');
    expect(guard(london, { failed: true, savedKeys: [savedAustin, null], scheduled: false })).not.toBeNull();
    expect(guard(null, { failed: true })).toBe('address-refused');
    expect(guard(austin, { failed: true })).toBeNull();
  });
});

describe('giftMessageAction', () => {
  it('sends a ticked card’s draft only when it differs from the saved message', () => {
    expect(giftMessageAction({ checked: false, draft: 'Hi', selected: false, savedMessage: null })).toBe('none');
    expect(giftMessageAction({ checked: true, draft: 'Hi', selected: false, savedMessage: null })).toBe('send');
    expect(giftMessageAction({ checked: true, draft: ' Hi ', selected: true, savedMessage: 'Hi' })).toBe('none');
    expect(giftMessageAction({ checked: true, draft: 'Hello', selected: true, savedMessage: 'Hi' })).toBe('send');
  });

  it('an emptied or never-written message on a ticked card asks for a message', () => {
    expect(giftMessageAction({ checked: true, draft: '  ', selected: false, savedMessage: null })).toBe('empty');
    expect(giftMessageAction({ checked: true, draft: '', selected: false, savedMessage: null })).toBe('empty');
    expect(giftMessageAction({ checked: true, draft: '', selected: true, savedMessage: 'Hi' })).toBe('empty');
  });
});

describe('payCheck', () => {
  const open = (version: number) => ({ version, status: 'open' as const });

  it('pays when the server has the version this tab showed', () => {
    expect(payCheck({ seenVersion: 5, ownVersions: new Set(), server: open(5) })).toBe('pay');
  });

  it('pays after this tab’s own updates since the click (the flush)', () => {
    expect(payCheck({ seenVersion: 5, ownVersions: new Set([6, 7]), server: open(7) })).toBe('pay');
  });

  it('another tab’s update is a change, also when an answer to this tab folded it in', () => {
    expect(payCheck({ seenVersion: 5, ownVersions: new Set(), server: open(7) })).toBe('changed');
    expect(payCheck({ seenVersion: 5, ownVersions: new Set([7]), server: open(7) })).toBe('changed');
    expect(payCheck({ seenVersion: 5, ownVersions: new Set([6]), server: open(7) })).toBe('changed');
  });

  it('no view shown, an older server version, or a closed session is never paid', () => {
    expect(payCheck({ seenVersion: null, ownVersions: new Set(), server: open(1) })).toBe('changed');
    expect(payCheck({ seenVersion: 6, ownVersions: new Set(), server: open(5) })).toBe('changed');
    expect(payCheck({ seenVersion: 5, ownVersions: new Set(), server: { version: 5, status: 'complete' } })).toBe(
      'closed',
    );
  });
});

describe('news from other tabs', () => {
  it('is taken only for this session and a newer version', () => {
    expect(checkoutChannelName('cs_test_abc')).toBe('checkout:cs_test_abc');
    expect(shouldTakeNews({ sessionId: 'cs_test_abc', version: 4 }, 'cs_test_abc', 3)).toBe(true);
    expect(shouldTakeNews({ sessionId: 'cs_test_abc', version: 4 }, 'cs_test_abc', null)).toBe(true);
    expect(shouldTakeNews({ sessionId: 'cs_test_abc', version: 3 }, 'cs_test_abc', 3)).toBe(false);
    expect(shouldTakeNews({ sessionId: 'cs_test_other', version: 9 }, 'cs_test_abc', 3)).toBe(false);
    expect(shouldTakeNews({ sessionId: 'cs_test_abc', version: '9' }, 'cs_test_abc', 3)).toBe(false);
    expect(shouldTakeNews('hello', 'cs_test_abc', 3)).toBe(false);
  });
});
