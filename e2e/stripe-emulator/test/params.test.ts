import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StripeApiError } from '../src/http/errors';
import { parseForm } from '../src/http/form';
import { bool, emptyable, int, list, oneOf, parseParams, str } from '../src/http/params';

const schema = z.strictObject({
  mode: oneOf(['payment', 'setup']),
  line_items: list(z.strictObject({ quantity: int({ min: 1 }), price: str().optional() })).optional(),
  shipping_options: emptyable(list(z.strictObject({ shipping_rate: str() }), 5)).optional(),
  enabled: bool().optional(),
});

function refusal(query: string) {
  try {
    parseParams(schema, parseForm(query));
  } catch (error) {
    if (error instanceof StripeApiError) return { status: error.status, ...error.body };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseParams', () => {
  it('converts strings to typed values', () => {
    const parsed = parseParams(
      schema,
      parseForm('mode=payment&line_items[0][quantity]=3&enabled=true&shipping_options='),
    );
    expect(parsed).toEqual({ mode: 'payment', line_items: [{ quantity: 3 }], enabled: true, shipping_options: '' });
  });

  it('reports unknown params with their bracket path', () => {
    expect(refusal('mode=payment&line_items[0][quantity]=1&line_items[0][foo]=1')).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_unknown',
      param: 'line_items[0][foo]',
      message: 'Received unknown parameter: line_items[0][foo]',
    });
  });

  it('reports a missing required param', () => {
    expect(refusal('mode=payment&line_items[0][quantity]=1&line_items[1][price]=p')).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items[1][quantity]',
      message: 'Missing required param: line_items[1][quantity].',
    });
    expect(refusal('')).toMatchObject({ code: 'parameter_missing', param: 'mode' });
  });

  it('reports invalid integers, empties, enums and booleans', () => {
    expect(refusal('mode=payment&line_items[0][quantity]=two')).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'line_items[0][quantity]',
      message: 'Invalid integer: two',
    });
    expect(refusal('mode=payment&line_items[0][quantity]=0')).toMatchObject({
      code: 'parameter_invalid',
      param: 'line_items[0][quantity]',
    });
    expect(refusal('mode=payment&line_items=')).toMatchObject({ param: 'line_items' });
    expect(refusal('mode=payment&line_items[0][quantity]=1&line_items[0][price]=')).toMatchObject({
      code: 'parameter_invalid_empty',
      param: 'line_items[0][price]',
    });
    expect(refusal('mode=custom')).toMatchObject({
      code: 'parameter_invalid',
      param: 'mode',
      message: 'Invalid mode: must be one of payment or setup',
    });
    expect(refusal('mode=payment&enabled=yes')).toMatchObject({ param: 'enabled', message: 'Invalid boolean: yes' });
  });

  it('enforces array limits', () => {
    const six = Array.from({ length: 6 }, (_, i) => `shipping_options[${i}][shipping_rate]=shr_${i}`).join('&');
    expect(refusal(`mode=payment&${six}`)).toMatchObject({ param: 'shipping_options' });
  });

  it('marks param refusals as validation-stage (not stored for idempotent replay)', () => {
    try {
      parseParams(schema, parseForm('mode=x'));
    } catch (error) {
      expect(error).toBeInstanceOf(StripeApiError);
      expect((error as StripeApiError).stage).toBe('validation');
    }
  });
});
