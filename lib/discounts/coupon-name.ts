/** Stripe limits a coupon's name to 40 characters. */
export const COUPON_NAME_MAX_LENGTH = 40;

/**
 * The coupon name listing what applied, e.g. "WELCOME10 + $10 off $100+". When the full list is too long, as many
 * names as fit followed by "+ N more"; as a last resort "N discounts".
 */
export function couponNameOf(parts: ReadonlyArray<string>): string {
  const full = parts.join(' + ');
  if (full.length <= COUPON_NAME_MAX_LENGTH) return full;
  for (let shown = parts.length - 1; shown >= 1; shown--) {
    const name = `${parts.slice(0, shown).join(' + ')} + ${parts.length - shown} more`;
    if (name.length <= COUPON_NAME_MAX_LENGTH) return name;
  }
  return `${parts.length} discounts`;
}
