import fc from 'fast-check';
import { MAX_JSON_BODY_BYTES } from '@/lib/http/json-body';
import { anyJson, injectedPriceFields } from '@/test/fuzz/hostile-values';

/** A request body as bytes on the wire plus the Content-Type header sent with it (null: no header). */
export type HostileBody = { kind: string; body: string; contentType: string | null };

export type BodySpec<T extends Record<string, unknown>> = {
  /** A body the route would accept (never sent as is). */
  valid: T;
  /** For each field (optional ones too), values the route must refuse there. */
  invalidValues: Partial<Record<string, fc.Arbitrary<unknown>>>;
  /** Fields whose absence must be refused. */
  required: ReadonlyArray<keyof T & string>;
};

const JSON_TYPE = 'application/json';

/** Media types that are not JSON, including near misses; plus no header at all. */
export const wrongContentType: fc.Arbitrary<string | null> = fc.constantFrom(
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/jsonp',
  'application/json-patch+json',
  'application/xml',
  'application/octet-stream',
  'json',
  null,
);

function throwsOnParse(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return false;
  } catch {
    return true;
  }
}

/** Text that is not JSON: truncations, JS-isms, comments, stray bytes. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"sessionId":',
    "{'quantity':1}",
    '{quantity:1}',
    '{"quantity":1,}',
    '{"quantity":NaN}',
    '{"quantity":Infinity}',
    '{"a":1}/*x*/',
    '[1,2',
    'undefined',
    '\u0000',
    '{"a":"\\x41"}',
    '{"a":1}{"b":2}',
  ),
  fc.string({ minLength: 1, maxLength: 60 }).filter(throwsOnParse),
);

/** Keys that are not in the template (strict schemas must refuse them). */
function unknownKey(valid: Record<string, unknown>): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'shopperId', 'status', 'id'),
      fc.string({ maxLength: 12 }),
    )
    .filter((key) => !(key in valid) || key === '__proto__');
}

/** The body's JSON with one more key; `__proto__` is written as text (an object literal would set the prototype). */
function withExtraKey(valid: Record<string, unknown>, key: string, value: unknown): string {
  const extra = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
  const base = JSON.stringify(valid);
  return base === '{}' ? `{${extra}}` : `${base.slice(0, -1)},${extra}}`;
}

/** Every way a JSON body can be wrong, built around one valid body; none of these may ever be accepted. */
export function hostileBodies<T extends Record<string, unknown>>(spec: BodySpec<T>): fc.Arbitrary<HostileBody> {
  const json = (kind: string) => (value: unknown) => ({ kind, body: JSON.stringify(value), contentType: JSON_TYPE });
  const fields = Object.entries(spec.invalidValues).filter(
    (entry): entry is [string, fc.Arbitrary<unknown>] => entry[1] !== undefined,
  );
  const variants: Array<fc.Arbitrary<HostileBody>> = [
    injectedPriceFields.map((extra) => json('price-injection')({ ...spec.valid, ...extra })),
    fc.tuple(unknownKey(spec.valid), anyJson).map(([key, value]) => ({
      kind: 'unknown-field',
      body: withExtraKey(spec.valid, key, value),
      contentType: JSON_TYPE,
    })),
    anyJson
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map(json('not-an-object')),
    malformedJson.map((body) => ({ kind: 'malformed-json', body, contentType: JSON_TYPE })),
    fc
      .integer({ min: MAX_JSON_BODY_BYTES + 1, max: MAX_JSON_BODY_BYTES * 8 })
      .map((size) => json('oversized')({ ...spec.valid, padding: 'x'.repeat(size) })),
    wrongContentType.map((contentType) => ({
      kind: 'wrong-content-type',
      body: JSON.stringify(spec.valid),
      contentType,
    })),
  ];
  if (fields.length > 0) {
    variants.push(
      fc
        .constantFrom(...fields)
        .chain(([field, invalid]) => invalid.map((value) => json(`bad-${field}`)({ ...spec.valid, [field]: value }))),
    );
  }
  if (spec.required.length > 0) {
    variants.push(
      fc.constantFrom(...spec.required).map((field) => {
        const { [field]: _removed, ...rest } = spec.valid;
        return json(`missing-${field}`)(rest);
      }),
    );
  }
  return fc.oneof(...variants);
}
