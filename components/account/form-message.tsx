import { Alert } from '@/components/ui/alert';
import type { AccountFormState } from '@/lib/accounts/form-state';

/** A form-level error (one not about a single field) or the "check your inbox" confirmation. */
export function FormMessage({ state, sent }: { state: AccountFormState; sent: (email: string) => string }) {
  if (state.status === 'sent') {
    return (
      <Alert tone="success" testId="form-sent">
        {sent(state.email)}
      </Alert>
    );
  }
  if (state.status === 'error' && state.field === null) {
    return (
      <Alert tone="error" testId="form-error">
        {state.message}
      </Alert>
    );
  }
  return null;
}

export function fieldError(state: AccountFormState, field: 'email' | 'password' | 'name'): string | null {
  return state.status === 'error' && state.field === field ? state.message : null;
}
