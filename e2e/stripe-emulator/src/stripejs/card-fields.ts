/** Pure parsing, formatting and validation of the card inputs, with Stripe's wording for each problem. */

export type CardInput = { number: string; expiry: string; cvc: string; country: string; postalCode: string };

export type CardDetails = {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  country: string;
  postalCode: string;
};

export type CardField = 'number' | 'expiry' | 'cvc' | 'postalCode';
export type CardFieldErrors = Partial<Record<CardField, string>>;

export const CARD_MESSAGES = {
  numberIncomplete: 'Your card number is incomplete.',
  numberInvalid: 'Your card number is invalid.',
  expiryIncomplete: "Your card's expiration date is incomplete.",
  expiryPast: "Your card's expiration year is in the past.",
  expiryInvalid: "Your card's expiration date is invalid.",
  cvcIncomplete: "Your card's security code is incomplete.",
  postalIncomplete: 'Your ZIP is incomplete.',
} as const;

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

function isAmex(digits: string): boolean {
  return /^3[47]/.test(digits);
}

/** "4242424242424242" → "4242 4242 4242 4242"; American Express as 4-6-5. */
export function formatCardNumber(value: string): string {
  const digits = digitsOf(value).slice(0, 19);
  if (isAmex(digits)) {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(' ');
  }
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "1234" or "12/34" → "12 / 34", as Stripe shows the expiry. */
export function formatExpiry(value: string): string {
  let digits = digitsOf(value).slice(0, 4);
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`;
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return digits.length > 0 && total % 10 === 0;
}

function numberError(digits: string): string | undefined {
  const expected = isAmex(digits) ? 15 : 16;
  if (digits.length < Math.min(expected, 13) || (digits.length < expected && !luhnValid(digits))) {
    return CARD_MESSAGES.numberIncomplete;
  }
  return luhnValid(digits) ? undefined : CARD_MESSAGES.numberInvalid;
}

function parseExpiry(value: string): { month: number; year: number } | null {
  const digits = digitsOf(value);
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

function expiryError(value: string, now: Date): string | undefined {
  const parsed = parseExpiry(value);
  if (!parsed) return CARD_MESSAGES.expiryIncomplete;
  if (parsed.month < 1 || parsed.month > 12) return CARD_MESSAGES.expiryInvalid;
  const currentYear = now.getFullYear();
  if (parsed.year < currentYear) return CARD_MESSAGES.expiryPast;
  if (parsed.year === currentYear && parsed.month < now.getMonth() + 1) return CARD_MESSAGES.expiryInvalid;
  return undefined;
}

function cvcError(cvc: string, cardDigits: string): string | undefined {
  const needed = isAmex(cardDigits) ? 4 : 3;
  return digitsOf(cvc).length === needed && /^\d+$/.test(cvc.trim()) ? undefined : CARD_MESSAGES.cvcIncomplete;
}

function postalCodeError(country: string, postalCode: string): string | undefined {
  if (country !== 'US') return undefined;
  return /^\d{5}(-?\d{4})?$/.test(postalCode.trim()) ? undefined : CARD_MESSAGES.postalIncomplete;
}

/** Every problem with the card inputs, keyed by field; empty when the card can be submitted. */
export function validateCard(input: CardInput, now: Date = new Date()): CardFieldErrors {
  const digits = digitsOf(input.number);
  const errors: CardFieldErrors = {
    number: numberError(digits),
    expiry: expiryError(input.expiry, now),
    cvc: cvcError(input.cvc, digits),
    postalCode: postalCodeError(input.country, input.postalCode),
  };
  for (const key of Object.keys(errors) as CardField[]) {
    if (errors[key] === undefined) delete errors[key];
  }
  return errors;
}

export function isCardEmpty(input: CardInput): boolean {
  return [input.number, input.expiry, input.cvc, input.postalCode].every((value) => value.trim() === '');
}

/** The card as the confirm API wants it, or the first problem in field order. */
export function readCard(
  input: CardInput,
  now: Date = new Date(),
): { ok: true; card: CardDetails } | { ok: false; message: string } {
  const errors = validateCard(input, now);
  const first = errors.number ?? errors.expiry ?? errors.cvc ?? errors.postalCode;
  const expiry = parseExpiry(input.expiry);
  if (first !== undefined || !expiry) return { ok: false, message: first ?? CARD_MESSAGES.expiryIncomplete };
  return {
    ok: true,
    card: {
      number: digitsOf(input.number),
      exp_month: expiry.month,
      exp_year: expiry.year,
      cvc: digitsOf(input.cvc),
      country: input.country,
      postalCode: input.postalCode.trim(),
    },
  };
}
