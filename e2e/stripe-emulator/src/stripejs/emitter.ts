type Handler = (event: never) => unknown;

/** A tiny event emitter with Stripe's `on` / `once` / `off` semantics (off without a handler removes all). */
export class Emitter {
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler): void {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(event, set);
  }

  once(event: string, handler: Handler): void {
    const wrapper = (payload: never) => {
      this.off(event, wrapper);
      return handler(payload);
    };
    this.on(event, wrapper);
  }

  off(event: string, handler?: Handler): void {
    if (!handler) {
      this.handlers.delete(event);
      return;
    }
    this.handlers.get(event)?.delete(handler);
  }

  emit(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        (handler as (payload: unknown) => unknown)(payload);
      } catch (error) {
        // A listener's bug must not break Stripe.js's own flow; surface it like an uncaught error would be.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}
