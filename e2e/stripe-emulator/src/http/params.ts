import { z } from 'zod';
import { StripeApiError } from './errors';
import { bracketPath } from './form';

/**
 * zod helpers for Stripe's form-encoded params (every leaf arrives as a string) and the translation of zod issues
 * into Stripe's error codes: parameter_unknown, parameter_missing, parameter_invalid_integer, parameter_invalid_empty…
 */

interface Tag {
  code: string;
  input?: string;
}

function tag(code: string, input?: unknown): string {
  const shown = typeof input === 'string' ? input : input === undefined ? undefined : JSON.stringify(input);
  return JSON.stringify({ code, input: shown?.slice(0, 100) } satisfies Tag);
}

function readTag(message: string): Tag | null {
  if (!message.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    const result = z.object({ code: z.string(), input: z.string().optional() }).safeParse(parsed);
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

type RawIssue = { code?: string; input?: unknown; expected?: unknown };

function describeIssue(issue: RawIssue, fallback: string): string {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return tag('parameter_missing');
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') return tag('parameter_invalid_object', issue.input);
  if (issue.code === 'invalid_type' && issue.expected === 'array') return tag('parameter_invalid_array', issue.input);
  if (issue.code === 'invalid_type' && issue.expected === 'string') return tag('parameter_invalid_string', issue.input);
  return tag(fallback, issue.input);
}

const as =
  (code: string) =>
  (issue: RawIssue): string =>
    describeIssue(issue, code);

/** A non-empty string (Stripe refuses `param=` for fields that cannot be unset). */
export const str = (max = 5000) =>
  z
    .string({ error: as('parameter_invalid_string') })
    .min(1, { error: (issue) => tag('parameter_invalid_empty', issue.input) })
    .max(max, { error: (issue) => tag('parameter_invalid_string_too_long', issue.input) });

/** An integer sent as a string. */
export const int = (bounds: { min?: number; max?: number } = {}) =>
  z
    .string({ error: as('parameter_invalid_integer') })
    .min(1, { error: (issue) => tag('parameter_invalid_empty', issue.input) })
    .regex(/^-?\d{1,15}$/, { error: (issue) => tag('parameter_invalid_integer', issue.input) })
    .transform(Number)
    .refine((n) => bounds.min === undefined || n >= bounds.min, {
      error: (issue) => tag(`parameter_invalid_integer_min_${bounds.min}`, String(issue.input)),
    })
    .refine((n) => bounds.max === undefined || n <= bounds.max, {
      error: (issue) => tag(`parameter_invalid_integer_max_${bounds.max}`, String(issue.input)),
    });

/** A decimal number sent as a string, e.g. `percent_off=12.5`. */
export const decimal = (bounds: { min?: number; max?: number; exclusiveMin?: boolean } = {}) =>
  z
    .string({ error: as('parameter_invalid_decimal') })
    .regex(/^\d{1,12}(\.\d{1,12})?$/, { error: (issue) => tag('parameter_invalid_decimal', issue.input) })
    .transform(Number)
    .refine((n) => bounds.min === undefined || (bounds.exclusiveMin ? n > bounds.min : n >= bounds.min), {
      error: (issue) => tag('parameter_invalid_decimal_range', String(issue.input)),
    })
    .refine((n) => bounds.max === undefined || n <= bounds.max, {
      error: (issue) => tag('parameter_invalid_decimal_range', String(issue.input)),
    });

export const bool = () =>
  z.enum(['true', 'false'], { error: as('parameter_invalid_boolean') }).transform((value) => value === 'true');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: as('parameter_invalid_enum') });

/** A three-letter ISO currency code, lower-cased as Stripe returns it. */
export const currency = () =>
  z
    .string({ error: as('parameter_invalid_currency') })
    .regex(/^[a-zA-Z]{3}$/, { error: (issue) => tag('parameter_invalid_currency', issue.input) })
    .transform((value) => value.toLowerCase());

/** `field=` clears the field: the parsed value is `''`. */
export const emptyable = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

export const list = <T extends z.ZodType>(item: T, max = 100) =>
  z.array(item, { error: as('parameter_invalid_array') }).max(max, {
    error: () => tag(`parameter_invalid_array_max_${max}`),
  });

const metadataKey = z
  .string()
  .min(1)
  .max(40)
  .refine((key) => !['__proto__', 'constructor', 'prototype'].includes(key));

/** Stripe metadata: up to 50 keys (≤ 40 chars) with string values (≤ 500 chars). */
export const metadata = () =>
  z.preprocess(
    (value) => (Array.isArray(value) ? Object.fromEntries(value.map((item, index) => [String(index), item])) : value),
    z
      .record(metadataKey, z.string().max(500), { error: as('parameter_invalid_metadata') })
      .refine((record) => Object.keys(record).length <= 50, { error: () => tag('parameter_invalid_metadata') }),
  );

export const expandList = () => list(str(200), 50).optional();

function phrase(code: string, param: string, input: string | undefined): string {
  const shown = input ?? '';
  if (code === 'parameter_missing') return `Missing required param: ${param}.`;
  if (code === 'parameter_invalid_integer') return `Invalid integer: ${shown}`;
  if (code.startsWith('parameter_invalid_integer_min_')) {
    return `Invalid ${param}: must be greater than or equal to ${code.slice('parameter_invalid_integer_min_'.length)}`;
  }
  if (code.startsWith('parameter_invalid_integer_max_')) {
    return `Invalid ${param}: must be less than or equal to ${code.slice('parameter_invalid_integer_max_'.length)}`;
  }
  if (code === 'parameter_invalid_empty') {
    return `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`;
  }
  if (code.startsWith('parameter_invalid_array_max_')) {
    return `Invalid array: ${param} must have at most ${code.slice('parameter_invalid_array_max_'.length)} elements`;
  }
  const kinds: Record<string, string> = {
    parameter_invalid_string: `Invalid string: ${shown}`,
    parameter_invalid_string_too_long: `Invalid ${param}: string too long`,
    parameter_invalid_decimal: `Invalid decimal: ${shown}`,
    parameter_invalid_decimal_range: `Invalid ${param}: ${shown} is out of range`,
    parameter_invalid_boolean: `Invalid boolean: ${shown}`,
    parameter_invalid_currency: `Invalid currency: ${shown}`,
    parameter_invalid_object: `Invalid object`,
    parameter_invalid_array: `Invalid array`,
    parameter_invalid_metadata: `Invalid metadata: up to 50 keys of at most 40 characters, values of at most 500 characters`,
  };
  return kinds[code] ?? `Invalid ${param}: ${shown}`;
}

/** The Stripe `code` sent for a zod-derived refusal; Stripe's own codes where it has one. */
function publicCode(code: string): string {
  if (code === 'parameter_missing' || code === 'parameter_invalid_integer' || code === 'parameter_invalid_empty') {
    return code;
  }
  if (code === 'parameter_invalid_string_too_long') return 'parameter_invalid_string';
  return 'parameter_invalid';
}

/** Turns the first zod issue into the Stripe error Stripe would send (unknown params are reported first). */
export function toStripeError(error: z.ZodError): StripeApiError {
  const issues = error.issues;
  const unknown = issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const param = bracketPath([...unknown.path, unknown.keys[0] ?? '']);
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        param,
        message: `Received unknown parameter: ${param}`,
      },
      'validation',
    );
  }
  const first = issues[0];
  const param = first ? bracketPath(first.path) : '';
  const parsed = first ? readTag(first.message) : null;
  if (first?.code === 'invalid_value' && (parsed === null || parsed.code === 'parameter_invalid_enum')) {
    const values = first.values.map(String);
    const choices = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '');
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param,
        message: `Invalid ${param}: must be one of ${choices}`,
      },
      'validation',
    );
  }
  const code = parsed?.code ?? 'parameter_invalid';
  return new StripeApiError(
    400,
    { type: 'invalid_request_error', code: publicCode(code), param, message: phrase(code, param, parsed?.input) },
    'validation',
  );
}

/** Validates raw form params against a schema; throws the matching Stripe error. */
export function parseParams<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw, { error: (issue) => describeIssue(issue, 'parameter_invalid') });
  if (!result.success) throw toStripeError(result.error);
  return result.data;
}
