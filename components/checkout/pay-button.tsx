import { buttonClass } from '@/components/ui/button-styles';

type Props = {
  disabled: boolean;
  submitting: boolean;
  totalLabel: string;
  /** Pay's pointer went down: the click follows, even if a control's blur would start an update first. */
  onPress: () => void;
};

export function PayButton({ disabled, submitting, totalLabel, onPress }: Props) {
  return (
    <button
      type="submit"
      data-testid="pay-button"
      disabled={disabled || submitting}
      aria-disabled={disabled || submitting}
      onPointerDown={onPress}
      className={buttonClass('primary', 'lg', 'w-full')}
    >
      {submitting ? 'Processing payment…' : `Pay ${totalLabel}`}
    </button>
  );
}
