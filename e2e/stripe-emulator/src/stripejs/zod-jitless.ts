/**
 * Imported first by the stand-in's entry, so it runs before any other module of the bundle: the store's CSP forbids
 * eval, and zod's one-time `new Function` probe would be reported as a violation. Jitless mode never probes.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
