import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { Emitter } from './emitter';
import { initialLocalState, type LocalSessionState, toCheckoutSession } from './map-session';
import { SerialQueue } from './serial-queue';
import type { EmulatorSession } from './session-schema';

/**
 * Holds the latest session from the emulator plus browser-only state, serialises updates and emits `change`.
 * Every update runs through `enqueue`: while any is queued or running `canConfirm` is false.
 */
export class SessionController {
  private raw: EmulatorSession | null = null;
  private local: LocalSessionState = { ...initialLocalState };
  private readonly queue = new SerialQueue();
  private readonly changes = new Emitter();

  constructor(private readonly locale: string) {}

  get loaded(): boolean {
    return this.raw !== null;
  }

  rawSession(): EmulatorSession {
    if (!this.raw) throw new Error('The checkout session has not loaded yet; await loadActions() first.');
    return this.raw;
  }

  snapshot(): StripeCheckoutSession {
    return toCheckoutSession(this.rawSession(), this.local, this.locale);
  }

  /** Stores a fresh session from the emulator without emitting (callers emit once when their step is done). */
  setRaw(raw: EmulatorSession): void {
    this.raw = raw;
  }

  snapshotOverrides(): LocalSessionState['overrides'] {
    return { ...this.local.overrides };
  }

  patchLocal(patch: Partial<LocalSessionState>): void {
    this.local = { ...this.local, ...patch };
  }

  onChange(handler: (session: StripeCheckoutSession) => void): void {
    this.changes.on('change', handler);
  }

  offChange(handler?: (session: StripeCheckoutSession) => void): void {
    this.changes.off('change', handler);
  }

  emitChange(): void {
    if (this.raw) this.changes.emit('change', this.snapshot());
  }

  /** Marks an update pending (and says so), runs it after earlier ones, then clears the mark and emits once more. */
  enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.patchLocal({ pendingUpdates: this.local.pendingUpdates + 1 });
    this.emitChange();
    return this.queue.run(async () => {
      try {
        return await job();
      } finally {
        this.patchLocal({ pendingUpdates: this.local.pendingUpdates - 1 });
        this.emitChange();
      }
    });
  }
}
