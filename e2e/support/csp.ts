import { createHash } from 'node:crypto';

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

export type ScriptElement = { tag: string; src: string | null; nonce: string | null; body: string };

/** Every `<script>` element in an HTML document: its opening tag, `src` and `nonce` attributes, and inline text. */
export function scriptElements(html: string): ScriptElement[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attributes = '', body = '']) => ({
    tag: `<script${attributes}>`,
    src: /\ssrc="([^"]*)"/i.exec(attributes)?.[1] ?? null,
    nonce: /\snonce="([^"]*)"/i.exec(attributes)?.[1] ?? null,
    body,
  }));
}

/** The CSP source that allows an inline script by its content. */
export function sha256Source(body: string): string {
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
}
