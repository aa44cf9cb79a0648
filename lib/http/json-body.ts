import { z } from 'zod';
import { AppError } from '@/lib/http/app-error';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

type ReadJsonOptions = {
  maxBytes?: number;
  /** Treat a request without a body as `{}` (for endpoints whose body is optional). */
  allowEmpty?: boolean;
};

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(413, 'payload_too_large', `The request body must be at most ${maxBytes} bytes.`);
}

/** Reads the body as bytes, stopping as soon as it exceeds `maxBytes` (a lying or absent Content-Length is no help). */
async function readLimitedBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The raw body as UTF-8 text (for signature checks), 413 `payload_too_large` beyond `maxBytes`. */
export async function readRawText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBytes(request, maxBytes));
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** `z.prettifyError` on one line: `quantity: Too big: expected number to be <=99; Unrecognized key: "unitAmount"`. */
function describeIssues(error: z.core.$ZodError): string {
  return z
    .prettifyError(error)
    .split('✖ ')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [message, path] = entry.trim().split(/\n\s*→ at /);
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}

/** Any zod schema, classic or zod/mini (the checkout's contract, which the browser shares). */
type Schema = z.core.$ZodType;

export function parseWith<T extends Schema>(schema: T, value: unknown): z.output<T> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new AppError(400, 'invalid_request', `Invalid request: ${describeIssues(result.error)}.`);
  }
  return result.data;
}

/**
 * Reads and validates a JSON request body: 415 `unsupported_media_type` unless `Content-Type: application/json`,
 * 413 `payload_too_large` over the limit, 400 `invalid_json` / `invalid_request` (naming the fields) otherwise.
 */
export async function readJsonBody<T extends Schema>(
  request: Request,
  schema: T,
  options: ReadJsonOptions = {},
): Promise<z.output<T>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const contentType = request.headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json.');
  }
  const bytes = await readLimitedBytes(request, maxBytes);
  if (bytes.byteLength === 0) {
    if (options.allowEmpty) return parseWith(schema, {});
    throw new AppError(400, 'invalid_json', 'The request body is empty; send a JSON object.');
  }
  if (contentType === null) {
    throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json.');
  }
  return parseWith(schema, parseJson(bytes));
}
