import type { Clock } from '../clock';

const TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  params: string;
  storedAtMs: number;
  response: StoredResponse | null;
}

export type IdempotencyDecision =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_flight' }
  | { kind: 'endpoint_mismatch' }
  | { kind: 'params_mismatch' };

/** JSON with sorted keys, so the same params in another order fingerprint the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stripe's idempotency layer: the first response for a key is kept for 24 h and replayed for the same endpoint and
 * params; a different endpoint or params is refused; a duplicate that arrives while the first is executing is a 409.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  begin(key: string, endpoint: string, params: unknown): IdempotencyDecision {
    const now = this.clock.nowMs();
    const existing = this.entries.get(key);
    if (existing && now - existing.storedAtMs > TTL_MS) this.entries.delete(key);
    const entry = this.entries.get(key);
    const fingerprint = canonicalJson(params);
    if (!entry) {
      this.entries.set(key, { endpoint, params: fingerprint, storedAtMs: now, response: null });
      return { kind: 'new' };
    }
    if (entry.endpoint !== endpoint) return { kind: 'endpoint_mismatch' };
    if (entry.params !== fingerprint) return { kind: 'params_mismatch' };
    if (!entry.response) return { kind: 'in_flight' };
    return { kind: 'replay', response: entry.response };
  }

  complete(key: string, response: StoredResponse): void {
    const entry = this.entries.get(key);
    if (entry) entry.response = response;
  }

  /** Forget a key whose request never started executing (validation errors), so a retry runs afresh. */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (entry && !entry.response) this.entries.delete(key);
  }

  reset(): void {
    this.entries.clear();
  }
}
