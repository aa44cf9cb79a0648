export const STORE_NAME = 'Larkspur';
export const STORE_TAGLINE = 'Thoughtful goods for home, desk and gifting';
export const STORE_DESCRIPTION =
  'Larkspur is a small online shop for well-made electronics, homeware and gifts, with secure checkout by Stripe.';
