/**
 * An expected failure the shopper (or Stripe) caused, with the HTTP status and stable code the API answers with.
 * Services throw these; route handlers turn them into `{error: {code, message}}`.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly status: number;
  /** True when trying again later may succeed (Stripe briefly unavailable). */
  readonly retryable: boolean;

  constructor(status: number, code: string, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
