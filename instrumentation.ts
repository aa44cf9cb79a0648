/**
 * Next.js start-up hook: a misconfigured deployment fails at boot, not on the first checkout. A refused configuration
 * prints its one-line message (naming the variables) and exits non-zero, so the platform or process manager reports a
 * failed start instead of a server answering bare 500s.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStartup } = await import('@/lib/startup');
    checkConfigAtStartup();
  }
}
