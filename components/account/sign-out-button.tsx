import { signOutAction } from '@/app/account/actions';
import { buttonClass } from '@/components/ui/button-styles';

/** Signs out (a plain form: works without JavaScript). The cart stays with the account. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClass('secondary')}>
        Sign out
      </button>
    </form>
  );
}
