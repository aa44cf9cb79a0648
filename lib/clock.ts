/**
 * The app's clock. Real time, unless `APP_CLOCK_URL` is configured (development and tests against the Stripe emulator
 * only; the config refuses it in production): then every reading GETs that URL — the emulator's `/_emulator/clock`,
 * answering `{now}` in unix seconds — so the app and the emulator agree on the time after a test advances it.
 */
import 'server-only';
import { z } from 'zod';
import { getServerConfig } from '@/lib/config';

const clockAnswerSchema = z.object({ now: z.number().finite().nonnegative() });
const CLOCK_TIMEOUT_MS = 2_000;

export type Clock = () => Promise<Date>;

/** A clock reading `url` (`{now}` in unix seconds); throws when the answer is missing or malformed. */
export function remoteClock(url: string, fetchImpl: typeof fetch = fetch): Clock {
  return async () => {
    const response = await fetchImpl(url, { cache: 'no-store', signal: AbortSignal.timeout(CLOCK_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`APP_CLOCK_URL ${url} answered ${response.status}`);
    const { now } = clockAnswerSchema.parse(await response.json());
    return new Date(Math.round(now * 1000));
  };
}

export const realClock: Clock = async () => new Date();

/** The current time for request handling: the configured shared clock, else real time. */
export function now(): Promise<Date> {
  const url = getServerConfig().appClockUrl;
  return url ? remoteClock(url)() : realClock();
}
