/** Next.js start-up hook: a misconfigured deployment fails at boot, not on the first checkout. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getServerConfig } = await import('@/lib/config');
    getServerConfig();
  }
}
