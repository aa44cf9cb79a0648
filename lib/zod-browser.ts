/**
 * zod for code that runs in the browser. zod 4 probes for `eval` support (`new Function('')`) the first time it
 * parses; the store's Content-Security-Policy forbids eval, so every probe would be reported as a violation.
 * Jitless mode never probes. Browser modules import `z` from here instead of from 'zod'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
