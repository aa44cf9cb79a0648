import { AccountSection } from '@/components/account/account-section';
import type { CreditHistoryLine } from '@/lib/customers/store-credit';
import { formatMoney } from '@/lib/money';

type Props = { balance: number; lines: ReadonlyArray<CreditHistoryLine>; currency: string };

const KIND_LABEL: Record<CreditHistoryLine['kind'], string> = {
  grant: 'Added',
  debit: 'Spent',
  revoke: 'Removed',
  expired: 'Expired',
};

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** The store-credit balance and every change to it, newest first. */
export function StoreCreditSection({ balance, lines, currency }: Props) {
  return (
    <AccountSection id="store-credit" title="Store credit">
      <p
        className="text-2xl font-semibold tabular-nums text-stone-900"
        data-testid="store-credit-balance"
        data-value={balance}
      >
        {formatMoney(balance, currency)}
      </p>
      <p className="text-sm text-stone-600">Use it at checkout: tick “Use my store credit”.</p>
      {lines.length > 0 ? (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Store credit history</caption>
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Date
              </th>
              <th scope="col" className="py-1 font-medium">
                What
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Amount
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Balance
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {lines.map((line) => (
              <tr key={`${line.kind}-${line.at.toISOString()}-${line.change}`} data-testid="credit-history-line">
                <td className="py-1.5 text-stone-600">{dateFormat.format(line.at)}</td>
                <td className="py-1.5 text-stone-800">
                  {KIND_LABEL[line.kind]}
                  {line.reason ? <span className="text-stone-600"> — {line.reason}</span> : null}
                </td>
                <td
                  className={`py-1.5 text-right tabular-nums ${line.change > 0 ? 'text-emerald-800' : 'text-stone-800'}`}
                >
                  {line.change > 0 ? '+' : '−'}
                  {formatMoney(Math.abs(line.change), currency)}
                </td>
                <td className="py-1.5 text-right tabular-nums text-stone-600">
                  {formatMoney(line.balanceAfter, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-sm text-stone-600">No store credit yet.</p>
      )}
    </AccountSection>
  );
}
