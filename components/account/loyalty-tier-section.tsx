import { AccountSection } from '@/components/account/account-section';
import { tierProgress } from '@/lib/customers/tiers';
import { formatMoney } from '@/lib/money';

type Props = { lifetimeSpend: number; currency: string };

/** The customer's loyalty tier, its perks, and what is left to spend to reach the next one. */
export function LoyaltyTierSection({ lifetimeSpend, currency }: Props) {
  const { tier, next } = tierProgress(lifetimeSpend);
  const reached = next ? Math.min(100, Math.round((lifetimeSpend / next.tier.minLifetimeSpend) * 100)) : 100;
  return (
    <AccountSection id="loyalty" title={tier ? `${tier.name} member` : 'Loyalty'}>
      <p className="text-sm text-stone-600" data-testid="loyalty-spend">
        You have spent <span className="tabular-nums">{formatMoney(lifetimeSpend, currency)}</span> with us.
      </p>
      {tier ? (
        <ul className="mt-3 list-disc pl-5 text-sm text-stone-800">
          {tier.perks.map((perk) => (
            <li key={perk}>{perk}</li>
          ))}
        </ul>
      ) : null}
      {next ? (
        <div className="mt-4">
          <p className="text-sm text-stone-700" data-testid="tier-progress">
            Spend <span className="tabular-nums">{formatMoney(next.amountNeeded, currency)}</span> more to become a{' '}
            {next.tier.name} member ({next.tier.perks.join(', ').toLowerCase()}).
          </p>
          <progress
            className="mt-2 h-2 w-full accent-brand-700"
            max={100}
            value={reached}
            aria-label={`Progress to ${next.tier.name}`}
          />
        </div>
      ) : (
        <p className="mt-4 text-sm text-stone-700">You are in our top tier. Thank you!</p>
      )}
    </AccountSection>
  );
}
