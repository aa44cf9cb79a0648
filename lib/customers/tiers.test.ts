import { describe, expect, it } from 'vitest';
import { storeTiers, tierOf, tierProgress, tiersSchema } from '@/lib/customers/tiers';

describe('loyalty tiers', () => {
  it('puts a customer in the highest tier their lifetime spend reaches', () => {
    expect(tierOf(0)).toBeNull();
    expect(tierOf(19_999)).toBeNull();
    expect(tierOf(20_000)?.id).toBe('silver');
    expect(tierOf(49_999)?.id).toBe('silver');
    expect(tierOf(50_000)?.id).toBe('gold');
    expect(tierOf(10_000_000)?.id).toBe('gold');
  });

  it('tells what is left to spend to reach the next tier, and nothing past the top', () => {
    expect(tierProgress(12_000)).toMatchObject({ tier: null, next: { tier: { id: 'silver' }, amountNeeded: 8_000 } });
    expect(tierProgress(25_000)).toMatchObject({
      tier: { id: 'silver' },
      next: { tier: { id: 'gold' }, amountNeeded: 25_000 },
    });
    expect(tierProgress(65_000)).toMatchObject({ tier: { id: 'gold' }, next: null });
  });

  it('refuses tiers that do not climb', () => {
    const [silver, gold] = storeTiers;
    expect(tiersSchema.safeParse([gold, silver]).success).toBe(false);
    expect(tiersSchema.safeParse(storeTiers).success).toBe(true);
  });
});
