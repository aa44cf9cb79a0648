/**
 * Stripe's form encoding: `a[b][0][c]=1&expand[0]=x&list[]=y`, parsed into nested objects and arrays of strings.
 * Objects whose keys are all array indices become arrays (stripe-node always sends explicit indices).
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

const MAX_PAIRS = 2000;
const MAX_DEPTH = 8;

type Node = string | NodeObject;
interface NodeObject {
  [key: string]: Node;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new FormError(`Invalid URL encoding: ${part.slice(0, 40)}`, part.slice(0, 40));
  }
}

/** `line_items[0][price_data]` → ['line_items', '0', 'price_data']; `expand[]` → ['expand', '']. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index !== consumed) break;
    segments.push(match[1] ?? '');
    consumed = match.index + match[0].length;
  }
  if (consumed !== rest.length) throw new FormError(`Invalid parameter name: ${key}`, key);
  return segments;
}

function newObject(): NodeObject {
  return Object.create(null) as NodeObject;
}

function assign(root: NodeObject, segments: string[], value: string, rawKey: string): void {
  if (segments.length > MAX_DEPTH) throw new FormError(`Parameter nested too deeply: ${rawKey}`, rawKey);
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i] ?? '';
    if (segment === '' && i > 0) segment = String(Object.keys(node).length);
    if (segment === '') throw new FormError(`Invalid parameter name: ${rawKey}`, rawKey);
    const last = i === segments.length - 1;
    const existing = node[segment];
    if (last) {
      if (existing !== undefined && typeof existing !== 'string') {
        throw new FormError(`Invalid value for ${rawKey}: it is also sent as a hash`, rawKey);
      }
      node[segment] = value;
      return;
    }
    if (existing === undefined) {
      const child = newObject();
      node[segment] = child;
      node = child;
    } else if (typeof existing === 'string') {
      throw new FormError(`Invalid hash for ${rawKey}: it is also sent as a string`, rawKey);
    } else {
      node = existing;
    }
  }
}

function isIndexKeyed(object: NodeObject): boolean {
  const keys = Object.keys(object);
  return keys.length > 0 && keys.every((key) => /^(0|[1-9]\d{0,4})$/.test(key));
}

function finalise(node: Node): FormValue {
  if (typeof node === 'string') return node;
  if (isIndexKeyed(node)) {
    return Object.keys(node)
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finalise(node[String(index)] as Node));
  }
  const out = Object.create(null) as FormObject;
  for (const key of Object.keys(node)) out[key] = finalise(node[key] as Node);
  return out;
}

/** Parses an `application/x-www-form-urlencoded` body or query string (without the leading `?`). */
export function parseForm(input: string): FormObject {
  const root = newObject();
  if (input.trim() === '') return root;
  const pairs = input.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_PAIRS) throw new FormError('Too many parameters', '');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    assign(root, splitKey(rawKey), value, rawKey);
  }
  return finalise(root) as FormObject;
}

/** ['line_items', 0, 'quantity'] → `line_items[0][quantity]`, the way Stripe names params in errors. */
export function bracketPath(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  return (head ?? '') + rest.map((segment) => `[${segment}]`).join('');
}
