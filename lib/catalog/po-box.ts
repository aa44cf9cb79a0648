/**
 * PO boxes: carriers deliver only the postal service's own mail there, never courier services (express, overnight).
 * A line is a PO box when it says "PO Box" in any of its spellings — P.O. Box, P O Box, POBox, Post Office Box — in
 * any case; "Boxwood Lane" or "Post Road" are not.
 */
const PO_BOX = /(?:^|[^a-z0-9])(?:p[\s.]*o[\s.]*|post\s+office\s*)box(?![a-z])/i;

export function isPoBoxLine(line: string): boolean {
  return PO_BOX.test(line);
}

export function isPoBox(address: { line1?: string | null; line2?: string | null }): boolean {
  return [address.line1, address.line2].some((line) => line != null && isPoBoxLine(line));
}
