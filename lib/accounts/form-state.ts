/**
 * What the account forms show after their Server Action (browser-safe: no zod here). `field`: the input the message
 * is about, so it is shown beside it; `email`: what the shopper typed, kept in the field.
 */
export type AccountFormState =
  | { status: 'idle' }
  | { status: 'error'; message: string; field: 'email' | 'password' | 'name' | null; email: string }
  | { status: 'sent'; email: string };

export const IDLE_FORM = { status: 'idle' } as const;
