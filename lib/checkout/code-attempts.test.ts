import { describe, expect, it } from 'vitest';
import { codeAttemptLimits } from '@/lib/checkout/code-attempts';

describe('codeAttemptLimits', () => {
  it('charges the checkout, the shopper and (when known) the client address', () => {
    const known = codeAttemptLimits({ sessionId: 'cs_1', shopperId: 'shopper-1', clientAddress: '198.51.100.4' });
    expect(known.map((limit) => [limit.key, limit.limit])).toEqual([
      ['discount-code:session:cs_1', 10],
      ['discount-code:shopper:shopper-1', 30],
      ['discount-code:address:198.51.100.4', 30],
    ]);
  });

  it('has no shared bucket for clients whose address is unknown', () => {
    const unknown = codeAttemptLimits({ sessionId: 'cs_1', shopperId: 'shopper-1', clientAddress: null });
    expect(unknown.map((limit) => limit.key)).toEqual([
      'discount-code:session:cs_1',
      'discount-code:shopper:shopper-1',
    ]);
  });
});
