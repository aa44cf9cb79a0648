import { Alert } from '@/components/ui/alert';
import type { AdminFormState } from '@/lib/admin/forms';

/** What a console form did, or why it did nothing (a field's own error is shown beside that field). */
export function FormResult({ state, testId }: { state: AdminFormState; testId: string }) {
  if (state.status === 'done') {
    return (
      <Alert tone="success" testId={`${testId}-done`}>
        {state.message}
      </Alert>
    );
  }
  if (state.status === 'error' && state.field === null) {
    return (
      <Alert tone="error" testId={`${testId}-error`}>
        {state.message}
      </Alert>
    );
  }
  return null;
}

export function fieldErrorOf(state: AdminFormState, field: string): string | null {
  if (state.status !== 'error') return null;
  return state.fields?.[field] ?? (state.field === field ? state.message : null);
}
