import { describe, expect, it } from 'vitest';
import { addressKey, toShippingAddressRequest } from '@/components/checkout/shipping-address';

const element = {
  name: ' Ada Lovelace ',
  address: {
    line1: '12 Market Street ',
    line2: '',
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94105',
    country: 'us',
  },
};

describe('toShippingAddressRequest', () => {
  it('sends trimmed fields, an upper-case country and leaves out empty optional parts', () => {
    expect(toShippingAddressRequest(element)).toEqual({
      name: 'Ada Lovelace',
      line1: '12 Market Street',
      city: 'San Francisco',
      state: 'CA',
      postalCode: '94105',
      country: 'US',
    });
  });

  it('keeps a second address line when there is one', () => {
    const request = toShippingAddressRequest({ ...element, address: { ...element.address, line2: 'Suite 400' } });
    expect(request.line2).toBe('Suite 400');
  });
});

describe('addressKey', () => {
  it('is equal for the same address and differs when any part changes', () => {
    const a = toShippingAddressRequest(element);
    expect(addressKey(a)).toBe(addressKey({ ...a }));
    expect(addressKey(a)).not.toBe(addressKey({ ...a, postalCode: '94106' }));
    expect(addressKey(a)).not.toBe(addressKey({ ...a, country: 'CA' }));
  });
});
