'use client';

type Props = {
  needsAddress: boolean;
  pending: boolean;
  blockedByFailure: boolean;
  loadError: string | null;
  onReload: () => void;
};

/** Says why the pay button is disabled (or what is missing), next to it. */
export function PayBlockers({ needsAddress, pending, blockedByFailure, loadError, onReload }: Props) {
  return (
    <div aria-live="polite" className="space-y-2 text-center text-sm">
      {loadError ? (
        <p role="alert" data-testid="checkout-state-error" className="text-red-700">
          {loadError}{' '}
          <button type="button" onClick={onReload} className="font-semibold underline">
            Try again
          </button>
        </p>
      ) : null}
      {pending ? (
        <p className="text-stone-600" data-testid="update-pending">
          Updating your order…
        </p>
      ) : blockedByFailure ? (
        <p className="text-red-700" data-testid="pay-blocked">
          Your last change did not go through. Try it again before paying.
        </p>
      ) : needsAddress ? (
        <p className="text-stone-600">Enter your shipping address to see shipping and pay.</p>
      ) : null}
    </div>
  );
}
