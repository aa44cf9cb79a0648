const LABELS: Record<string, string> = {
  paid: 'Paid',
  no_payment_required: 'No payment',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
};
const TONES: Record<string, string> = {
  paid: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  partially_refunded: 'bg-amber-50 text-amber-900 ring-amber-200',
  refunded: 'bg-stone-100 text-stone-800 ring-stone-300',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="order-status"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${TONES[status] ?? 'bg-sky-50 text-sky-900 ring-sky-200'}`}
    >
      {LABELS[status] ?? status}
    </span>
  );
}

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}
