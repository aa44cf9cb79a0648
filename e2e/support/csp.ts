/** A Content-Security-Policy header value as directive → sources (directive names lower-cased). */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The nonce in `script-src`, or null. */
export function scriptNonce(csp: Map<string, string[]>): string | null {
  const source = csp.get('script-src')?.find((value) => value.startsWith("'nonce-"));
  return source ? source.slice("'nonce-".length, -1) : null;
}

/** Every `<script …>` opening tag in an HTML document. */
export function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/gi) ?? [];
}
