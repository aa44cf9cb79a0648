import { refuseUnlessCron } from '@/app/api/cron/cron-auth';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { jsonResponse, toErrorResponse } from '@/lib/http/responses';
import { reconcile } from '@/lib/orders/reconcile';
import { getStripe } from '@/lib/stripe/client';

/** Enough for a bounded run (500 sessions per list, 100 overdue checkouts) against real Stripe. */
export const maxDuration = 60;

/**
 * Vercel Cron (`vercel.json`): fulfils paid sessions that have no order, closes checkouts Stripe expired (releasing
 * their holds) and purges expired holds. `Authorization: Bearer <CRON_SECRET>` only (401; 503 when unconfigured).
 * Answers `{fulfilled, expired, purged, checked, failed, since}`.
 */
export async function GET(request: Request): Promise<Response> {
  const refused = refuseUnlessCron(request);
  if (refused) return refused;
  try {
    const result = await reconcile({ db: await getDb(), stripe: getStripe(), now: await now() });
    console.log(`[cron] reconcile: ${JSON.stringify(result)}`);
    return jsonResponse(result);
  } catch (error) {
    return toErrorResponse(error);
  }
}
