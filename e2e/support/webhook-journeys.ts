import { expect } from '@playwright/test';
import { type Delivery, EmulatorControl, type EmulatorEvent } from '../../test/emulator-control';
import { countOrdersForSession, databaseUrl } from './orders-db';

/** The session's events (oldest first) once `checkout.session.completed` exists. */
export async function sessionEvents(sessionId: string): Promise<{ events: EmulatorEvent[]; completed: EmulatorEvent }> {
  let events: EmulatorEvent[] = [];
  await expect
    .poll(async () => {
      events = await EmulatorControl.requireEnv().eventsForSession(sessionId);
      return events.some((event) => event.type === 'checkout.session.completed');
    })
    .toBe(true);
  const completed = events.find((event) => event.type === 'checkout.session.completed');
  if (!completed) throw new Error('unreachable: polled for it');
  return { events, completed };
}

/** Deliveries (all attempts, in delivery order) of the given events. */
export async function deliveriesOf(events: EmulatorEvent[]): Promise<Delivery[]> {
  const ids = new Set(events.map((event) => event.id));
  return (await EmulatorControl.requireEnv().deliveries()).filter((delivery) => ids.has(delivery.eventId));
}

/** Waits until every event got `copies` successful (2xx) deliveries, then returns the deliveries. */
export async function waitForDelivered(events: EmulatorEvent[], copies = 1): Promise<Delivery[]> {
  await expect
    .poll(
      async () => {
        const done = await deliveriesOf(events);
        return events.every(
          (event) =>
            done.filter((delivery) => delivery.eventId === event.id && delivery.status >= 200 && delivery.status < 300)
              .length >= copies,
        );
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return deliveriesOf(events);
}

/** Exactly one order row for the session, checked in Postgres when the suite can reach it. */
export async function expectOneStoredOrder(sessionId: string): Promise<void> {
  if (databaseUrl) expect(await countOrdersForSession(sessionId)).toBe(1);
}
