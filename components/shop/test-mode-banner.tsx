type Props = { mode: 'emulator' | 'test' | 'live' | null };

/** Tells shoppers (and testers) when no real money can move. Nothing is shown in live mode (or without a mode). */
export function TestModeBanner({ mode }: Props) {
  if (mode === 'emulator') {
    return (
      <aside
        aria-label="Test mode"
        data-testid="test-mode-banner"
        className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950"
      >
        Test mode — local Stripe emulator, no real payments
      </aside>
    );
  }
  if (mode === 'test') {
    return (
      <aside
        aria-label="Test mode"
        data-testid="test-mode-note"
        className="bg-stone-800 px-4 py-1.5 text-center text-xs text-stone-100"
      >
        Stripe test mode — use test cards such as 4242 4242 4242 4242; no real payments are taken.
      </aside>
    );
  }
  return null;
}
