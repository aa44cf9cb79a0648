import { expect } from '@playwright/test';

/**
 * The Stripe emulator's control API (E2E_EMULATOR_URL), for assertions and fault injection. Only available when the
 * journeys run against the emulator; specs skip the steps that need it otherwise.
 */
export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  static fromEnv(): EmulatorControl | null {
    const url = process.env.E2E_EMULATOR_URL;
    return url ? new EmulatorControl(url.replace(/\/$/, '')) : null;
  }

  /** The raw stored session (`GET /_emulator/sessions/:id`). */
  async rawSession(sessionId: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}/_emulator/sessions/${encodeURIComponent(sessionId)}`);
    expect(response.status, `emulator session ${sessionId}`).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  /**
   * The session's `amount_total` as Stripe's API renders it. The raw record keeps line items and rates, not totals, so
   * this reads the session the way stripe-node does (any `sk_test_` key is accepted by the emulator).
   */
  async amountTotal(sessionId: string): Promise<number> {
    await this.rawSession(sessionId);
    const response = await fetch(`${this.baseUrl}/v1/checkout/sessions/${encodeURIComponent(sessionId)}`, {
      headers: { Authorization: 'Bearer sk_test_emulator' },
    });
    expect(response.status).toBe(200);
    const session = (await response.json()) as { amount_total?: unknown };
    if (typeof session.amount_total !== 'number') throw new Error('the session has no amount_total');
    return session.amount_total;
  }

  /** The next `count` matching API requests fail, or (`latency`) are served `latencyMs` late (`POST /_emulator/faults`). */
  async injectFault(fault: {
    method?: string;
    path?: string;
    kind: 'error' | 'latency';
    status?: number;
    count?: number;
    latencyMs?: number;
  }) {
    const response = await fetch(`${this.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(200);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.baseUrl}/_emulator/faults`, { method: 'DELETE' });
  }
}
