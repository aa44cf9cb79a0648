/**
 * zod for code that runs in the browser (the checkout's contract and API client): zod/mini, a quarter of classic
 * zod's size and lighter to start, imported as a namespace so the bundler keeps only what is used. zod 4 probes for
 * `eval` support (`new Function('')`) the first time it parses; the store's Content-Security-Policy forbids eval, so
 * every probe would be reported as a violation. Jitless mode never probes. Browser modules
 * `import * as z from '@/lib/zod-browser'`; the server reads the same schemas (they are zod's core types).
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
