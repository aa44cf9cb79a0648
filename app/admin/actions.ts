'use server';

import { revalidatePath } from 'next/cache';
import { grantCustomerCredit, revokeCustomerCredit } from '@/lib/admin/customer-credit';
import {
  type AdminFormState,
  grantFormSchema,
  parseAdminForm,
  refundFormSchema,
  revokeFormSchema,
} from '@/lib/admin/forms';
import { requireMerchantAction } from '@/lib/admin/guard';
import { refundOrder } from '@/lib/admin/refund-order';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/http/app-error';
import { formatMoney } from '@/lib/money';
import { currentStoreData } from '@/lib/store-data/current';
import { getStripe } from '@/lib/stripe/client';

/**
 * The merchant console's Server Actions. Each asks the guard first — before it reads its form — so a visitor who is
 * not signed in is sent to sign in and a shopper gets the 404 page, with nothing changed; then zod reads the form and
 * lib/admin does the work (audited).
 */

function refused(message: string, field: string | null = null): AdminFormState {
  return { status: 'error', message, field };
}

export async function refundOrderAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(refundFormSchema, form);
  if (!parsed.ok) return parsed.state;
  try {
    const outcome = await refundOrder(
      { db: await getDb(), stripe: getStripe(), now: await now() },
      merchant,
      parsed.data,
    );
    if (!outcome.ok) return refused(outcome.message, outcome.field);
    revalidatePath(`/admin/orders/${parsed.data.orderId}`);
    return {
      status: 'done',
      message: `Refunded ${formatMoney(outcome.amount, (await currentStoreData()).catalog.currency)} (${outcome.refundId}).`,
    };
  } catch (error) {
    if (isAppError(error) && error.retryable) return refused('Stripe is briefly unavailable. Try again in a moment.');
    if (isAppError(error)) return refused('Stripe refused the refund.');
    throw error;
  }
}

export async function grantCreditAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(grantFormSchema, form);
  if (!parsed.ok) return parsed.state;
  const { currency } = (await currentStoreData()).catalog;
  const outcome = await grantCustomerCredit({ db: await getDb(), now: await now(), currency }, merchant, parsed.data);
  if (!outcome.ok) return refused(outcome.message, outcome.field);
  revalidatePath(`/admin/customers/${parsed.data.customerId}`);
  return { status: 'done', message: `Granted. Balance: ${formatMoney(outcome.balance, currency)}.` };
}

export async function revokeCreditAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(revokeFormSchema, form);
  if (!parsed.ok) return parsed.state;
  const { currency } = (await currentStoreData()).catalog;
  const outcome = await revokeCustomerCredit({ db: await getDb(), now: await now(), currency }, merchant, parsed.data);
  if (!outcome.ok) return refused(outcome.message, outcome.field);
  revalidatePath(`/admin/customers/${parsed.data.customerId}`);
  return { status: 'done', message: `Revoked. Balance: ${formatMoney(outcome.balance, currency)}.` };
}
