import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/http/app-error';
import { readJsonBody, readRawText } from '@/lib/http/json-body';

const schema = z.object({ productId: z.string(), quantity: z.number().int().min(1) }).strict();

function post(body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request('http://shop.test/api/x', { method: 'POST', body, headers });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('readJsonBody', () => {
  it('returns the validated body', async () => {
    await expect(readJsonBody(post('{"productId":"lamp","quantity":2}'), schema)).resolves.toEqual({
      productId: 'lamp',
      quantity: 2,
    });
  });

  it('accepts application/json with a charset', async () => {
    const request = post('{"productId":"lamp","quantity":1}', { 'content-type': 'application/json; charset=utf-8' });
    await expect(readJsonBody(request, schema)).resolves.toMatchObject({ quantity: 1 });
  });

  it('refuses other content types with 415', async () => {
    const error = await failure(
      readJsonBody(post('productId=lamp', { 'content-type': 'application/x-www-form-urlencoded' }), schema),
    );
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const missing = await failure(readJsonBody(post('{"productId":"lamp","quantity":1}', {}), schema));
    expect(missing.status).toBe(415);
  });

  it('refuses malformed JSON and invalid UTF-8 with 400 invalid_json', async () => {
    expect(await failure(readJsonBody(post('{"productId":'), schema))).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
    expect(await failure(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), schema))).toMatchObject({
      code: 'invalid_json',
    });
    expect(await failure(readJsonBody(post(''), schema))).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it('names the offending fields, including injected price fields', async () => {
    const wrongType = await failure(readJsonBody(post('{"productId":"lamp","quantity":"2"}'), schema));
    expect(wrongType).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(wrongType.message).toMatch(/quantity/);
    const injected = await failure(readJsonBody(post('{"productId":"lamp","quantity":1,"unitAmount":1}'), schema));
    expect(injected.message).toMatch(/Unrecognized key: "unitAmount"/);
    const notObject = await failure(readJsonBody(post('[1,2]'), schema));
    expect(notObject.code).toBe('invalid_request');
  });

  it('refuses bodies over the limit with 413, whatever Content-Length claims', async () => {
    const big = JSON.stringify({ productId: 'x'.repeat(20_000), quantity: 1 });
    expect(await failure(readJsonBody(post(big), schema))).toMatchObject({ status: 413, code: 'payload_too_large' });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
        controller.close();
      },
    });
    const streamed = new Request('http://shop.test/api/x', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(await failure(readJsonBody(streamed, schema, { maxBytes: 4096 }))).toMatchObject({ status: 413 });
  });

  it('treats a missing body as {} only when allowed', async () => {
    const empty = z.object({}).strict();
    await expect(readJsonBody(post(null, {}), empty, { allowEmpty: true })).resolves.toEqual({});
    await expect(readJsonBody(post('{}'), empty, { allowEmpty: true })).resolves.toEqual({});
    expect((await failure(readJsonBody(post('{"price":1}'), empty, { allowEmpty: true }))).code).toBe(
      'invalid_request',
    );
  });
});

describe('readRawText', () => {
  it('returns the exact text and enforces the limit', async () => {
    await expect(readRawText(post('{"a": 1}\n', {}), 100)).resolves.toBe('{"a": 1}\n');
    expect(await failure(readRawText(post('x'.repeat(101), {}), 100))).toMatchObject({ status: 413 });
  });
});
