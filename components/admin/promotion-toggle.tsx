'use client';

import { useActionState } from 'react';
import { setPromotionActiveAction } from '@/app/admin/store-actions';
import { buttonClass } from '@/components/ui/button-styles';
import { IDLE_ADMIN_FORM } from '@/lib/admin/forms';

/** Enables or disables one promotion: a disabled one neither applies by itself nor accepts its code. */
export function PromotionToggle({ ruleId, label, active }: { ruleId: string; label: string; active: boolean }) {
  const [state, action, pending] = useActionState(setPromotionActiveAction, IDLE_ADMIN_FORM);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button
        type="submit"
        className={buttonClass('secondary')}
        disabled={pending}
        aria-label={`${active ? 'Disable' : 'Enable'} ${label}`}
      >
        {active ? 'Disable' : 'Enable'}
      </button>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
