import { z } from 'zod';

export const faultSchema = z.strictObject({
  method: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .transform((method) => method.toUpperCase())
    .optional(),
  path: z.string().startsWith('/').optional(),
  /** `lost`: the request is applied, but the answer is a 500 (a response lost after Stripe processed it). */
  kind: z.enum(['error', 'rate_limit', 'timeout', 'latency', 'lost']),
  status: z.number().int().min(400).max(599).optional(),
  count: z.number().int().min(1).max(1000).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
});
export type FaultSpec = z.output<typeof faultSchema>;

export interface Fault {
  id: string;
  method: string | null;
  path: string | null;
  kind: FaultSpec['kind'];
  status: number;
  remaining: number;
  latencyMs: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Injected failures for the next N matching API requests. */
export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: `fault_${this.nextId++}`,
      method: spec.method ?? null,
      path: spec.path ?? null,
      kind: spec.kind,
      status: spec.status ?? (spec.kind === 'rate_limit' ? 429 : 500),
      remaining: spec.count ?? 1,
      latencyMs: spec.latencyMs ?? (spec.kind === 'latency' ? 1000 : spec.kind === 'timeout' ? DEFAULT_TIMEOUT_MS : 0),
    };
    this.faults.push(fault);
    return fault;
  }

  /**
   * Consumes the first fault matching this request. Browser-API requests (`/v1/elements/…`) only match a fault
   * whose path names them explicitly, so a generic fault aimed at the server API leaves the page alone.
   */
  take(method: string, path: string): Fault | null {
    const browser = path.startsWith('/v1/elements/');
    const fault = this.faults.find(
      (candidate) =>
        (candidate.method === null || candidate.method === method) &&
        (candidate.path === null ? !browser : path.startsWith(candidate.path)),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }
}
