/**
 * Authorisation of Vercel Cron requests. Vercel sends `Authorization: Bearer <CRON_SECRET>` when the project has a
 * `CRON_SECRET` environment variable; anything else is refused. Without a configured secret (or with one shorter
 * than 16 characters) cron routes refuse to run at all, in every environment — development and the emulator too:
 * set CRON_SECRET locally to call them by hand (`curl -H "Authorization: Bearer $CRON_SECRET" …`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { errorResponse } from '@/lib/http/responses';

const MIN_SECRET_LENGTH = 16;
const cronEnvSchema = z.object({ CRON_SECRET: z.string().optional() });

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Null when the request carries the configured secret; else the response to answer (503 unconfigured, 401). */
export function refuseUnlessCron(request: Request, env: NodeJS.ProcessEnv = process.env): Response | null {
  const secret = cronEnvSchema.parse({ CRON_SECRET: env.CRON_SECRET }).CRON_SECRET?.trim() ?? '';
  if (secret.length < MIN_SECRET_LENGTH) {
    console.error(
      `[cron] CRON_SECRET is ${secret ? `shorter than ${MIN_SECRET_LENGTH} characters` : 'not set'}: refusing to run ${new URL(request.url).pathname}. Set it (e.g. \`openssl rand -hex 32\`) in the project's environment variables.`,
    );
    return errorResponse(503, 'cron_not_configured', 'Scheduled jobs are not configured on this deployment.');
  }
  const given = request.headers.get('authorization') ?? '';
  if (!timingSafeEqual(digest(given), digest(`Bearer ${secret}`))) {
    return errorResponse(401, 'unauthorized', 'This endpoint is for the scheduler only.');
  }
  return null;
}
