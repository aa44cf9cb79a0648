/** What Stripe.js shows a shopper for a failed card payment, keyed by decline code (or error code). */
const MESSAGES: Record<string, string> = {
  generic_decline: 'Your card was declined.',
  card_declined: 'Your card was declined.',
  do_not_honor: 'Your card was declined.',
  lost_card: 'Your card was declined.',
  stolen_card: 'Your card was declined.',
  fraudulent: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: "Your card's security code is incorrect.",
  incorrect_number: 'Your card number is incorrect.',
  processing_error: 'An error occurred while processing your card. Try again in a little bit.',
  card_velocity_exceeded:
    'Your card was declined for making repeated attempts too frequently or exceeding its amount limit.',
};

export function declineMessage(
  declineCode: string | null,
  errorCode: string | null,
  fallback: string | null | undefined,
): string {
  return (
    (declineCode ? MESSAGES[declineCode] : undefined) ??
    (errorCode && errorCode !== 'card_declined' ? MESSAGES[errorCode] : undefined) ??
    fallback ??
    'Your card was declined.'
  );
}
