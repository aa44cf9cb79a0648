import { HeaderLink } from '@/components/shop/header-link';

/** "Sign in" or "Account"; null (not known yet: the prerendered shell) shows "Account", which sends a guest to sign in. */
export function AccountLink({ signedIn }: { signedIn: boolean | null }) {
  return (
    <HeaderLink
      href={signedIn === false ? '/account/sign-in' : '/account'}
      data-testid="account-link"
      data-signed-in={signedIn === null ? undefined : String(signedIn)}
      className="inline-flex items-center rounded-full px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
    >
      {signedIn === false ? 'Sign in' : 'Account'}
    </HeaderLink>
  );
}
