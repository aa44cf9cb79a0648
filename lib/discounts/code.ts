/** How codes and emails are compared: codes trimmed and upper-cased, emails trimmed and lower-cased. */

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
