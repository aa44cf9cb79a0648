import { removeAddressAction } from '@/app/account/actions';
import { AccountSection } from '@/components/account/account-section';
import { buttonClass } from '@/components/ui/button-styles';
import type { SavedAddress } from '@/lib/accounts/saved-addresses';
import { countryName } from '@/lib/countries';

function oneLine(address: SavedAddress['address']): string {
  return [address.line1, address.line2, address.city, address.state, address.postalCode, countryName(address.country)]
    .filter(Boolean)
    .join(', ');
}

/** Addresses the customer's orders were shipped to; the newest prefills their next checkout. Each can be deleted. */
export function SavedAddressesSection({ addresses }: { addresses: SavedAddress[] }) {
  return (
    <AccountSection id="addresses" title="Saved addresses">
      {addresses.length === 0 ? (
        <p className="text-stone-600">Addresses you ship orders to are kept here for your next checkout.</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="saved-addresses">
          {addresses.map(({ key, address }, index) => (
            <li key={key} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium text-stone-900">{address.name}</p>
                <p className="text-sm text-stone-600">{oneLine(address)}</p>
                {index === 0 ? <p className="text-xs text-stone-500">Used for your next checkout</p> : null}
              </div>
              <form action={removeAddressAction}>
                <input type="hidden" name="addressKey" value={key} />
                <button type="submit" className={buttonClass('ghost')} aria-label={`Delete ${oneLine(address)}`}>
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </AccountSection>
  );
}
