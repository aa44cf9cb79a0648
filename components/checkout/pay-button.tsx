import { buttonClass } from '@/components/ui/button-styles';

type Props = { disabled: boolean; submitting: boolean; totalLabel: string };

export function PayButton({ disabled, submitting, totalLabel }: Props) {
  return (
    <button
      type="submit"
      data-testid="pay-button"
      disabled={disabled || submitting}
      aria-disabled={disabled || submitting}
      className={buttonClass('primary', 'lg', 'w-full')}
    >
      {submitting ? 'Processing payment…' : `Pay ${totalLabel}`}
    </button>
  );
}
