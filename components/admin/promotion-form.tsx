'use client';

import { useActionState, useId } from 'react';
import { savePromotionAction } from '@/app/admin/store-actions';
import { TextField } from '@/components/account/text-field';
import { FieldError } from '@/components/admin/field-error';
import { FormResult, fieldErrorOf } from '@/components/admin/form-result';
import { inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { IDLE_ADMIN_FORM } from '@/lib/admin/forms';

export type PromotionFormValues = Record<string, string | boolean | string[]>;
type Choice = { value: string; label: string };

type Props = {
  /** A stored rule's values (editing it), or none (a new one). */
  initial: PromotionFormValues | null;
  categories: Choice[];
  shippingMethods: Choice[];
  tiers: Choice[];
  weekdays: Choice[];
};

const text = (values: PromotionFormValues | null, name: string) => {
  const value = values?.[name];
  return typeof value === 'string' ? value : '';
};

/** Creates or edits a discount rule: every condition the engine supports, each error beside its field. */
export function PromotionForm({ initial, categories, shippingMethods, tiers, weekdays }: Props) {
  const [state, action, pending] = useActionState(savePromotionAction, IDLE_ADMIN_FORM);
  const id = useId();
  const error = (name: string) => fieldErrorOf(state, name);
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      id={`${id}-${name}`}
      name={name}
      label={label}
      defaultValue={text(initial, name)}
      error={error(name)}
      {...props}
    />
  );
  const checkboxGroup = (name: string, legend: string, choices: Choice[]) => {
    const selected = initial?.[name];
    const err = error(name);
    return (
      <fieldset className="flex flex-col gap-1" aria-describedby={err ? `${id}-${name}-error` : undefined}>
        <legend className={labelClass}>{legend}</legend>
        <div className="flex flex-wrap gap-3">
          {choices.map((choice) => (
            <label key={choice.value} className="flex items-center gap-1.5 text-sm text-stone-800">
              <input
                type="checkbox"
                name={name}
                value={choice.value}
                defaultChecked={Array.isArray(selected) && selected.includes(choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-${name}-error`} error={err} />
      </fieldset>
    );
  };
  const checkbox = (name: string, label: string) => (
    <label className="flex items-center gap-2 text-sm text-stone-800">
      <input type="checkbox" name={name} defaultChecked={initial?.[name] === true} />
      {label}
    </label>
  );
  const select = (name: string, label: string, choices: Choice[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
      </label>
      <select
        id={`${id}-${name}`}
        name={name}
        className={inputClass}
        defaultValue={text(initial, name) || choices[0]?.value}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `${id}-${name}-error` : undefined}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-${name}-error`} error={error(name)} />
    </div>
  );

  return (
    <form action={action} className="flex flex-col gap-6" aria-label={initial ? 'Edit promotion' : 'New promotion'}>
      <input type="hidden" name="intent" value={initial ? 'edit' : 'create'} />
      <section className="grid gap-4 sm:grid-cols-2" aria-label="The promotion">
        {initial ? (
          <>
            <input type="hidden" name="ruleId" value={text(initial, 'ruleId')} />
            <p className="text-sm text-stone-600">
              Id: <span className="font-mono text-stone-900">{text(initial, 'ruleId')}</span>
            </p>
          </>
        ) : (
          field('ruleId', 'Id', { required: true, hint: 'Lowercase letters, digits and dashes; it cannot change.' })
        )}
        {select('kind', 'Kind', [
          { value: 'code', label: 'A code the shopper types' },
          { value: 'automatic', label: 'Automatic' },
        ])}
        {field('code', 'Code', { hint: 'For a code rule only: 3–32 letters, digits, - or _.' })}
        {field('label', 'Label', { required: true, maxLength: 40, hint: 'Shown to shoppers.' })}
        {select('effect', 'Effect', [
          { value: 'percent_off', label: 'Percent off' },
          { value: 'amount_off', label: 'Amount off' },
          { value: 'free_shipping', label: 'Free shipping (automatic only)' },
        ])}
        {field('percent', 'Percent off', { inputMode: 'decimal', hint: 'For percent off, e.g. 10.' })}
        {field('amountOff', 'Amount off', { inputMode: 'decimal', hint: 'For amount off, e.g. 10.00.' })}
        {checkboxGroup('methodIds', 'Free shipping on', shippingMethods)}
        {field('maxAmount', 'At most (optional)', { inputMode: 'decimal', hint: 'The most it takes off one order.' })}
        <div className="flex flex-col gap-2">{checkbox('combinable', 'Combines with other promotions')}</div>
      </section>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-stone-900">When (UTC)</legend>
        {field('startsAt', 'Starts', { type: 'datetime-local' })}
        {field('endsAt', 'Ends', { type: 'datetime-local' })}
        {checkboxGroup('weeklyDays', 'Only on these days', weekdays)}
        <div className="grid grid-cols-2 gap-3">
          {field('weeklyFrom', 'From', { type: 'time' })}
          {field('weeklyUntil', 'Until', { type: 'time' })}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-stone-900">Who and what</legend>
        {field('minSubtotal', 'Minimum subtotal (optional)', { inputMode: 'decimal' })}
        {field('productIds', 'Products', { hint: 'Product ids, separated by commas; empty: every product.' })}
        {checkboxGroup('categoryIds', 'Categories', categories)}
        {field('countries', 'Countries', { hint: 'Country codes such as US, CA.' })}
        {field('regions', 'Regions', { hint: 'Subdivisions such as US-CA, CA-QC.' })}
        {field('customerEmails', 'Only for these customers', { hint: 'Emails, separated by commas.' })}
        {checkboxGroup('tiers', 'Loyalty tiers', tiers)}
        {field('segments', 'Segments', { hint: 'e.g. first-order, returning, lapsed, big-spender, bought:home.' })}
        <div className="flex flex-col gap-2">{checkbox('firstOrderOnly', 'First order only')}</div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-stone-900">Limits</legend>
        {field('totalRedemptions', 'Uses in all (optional)', { inputMode: 'numeric' })}
        {field('perEmail', 'Uses per email (optional)', { inputMode: 'numeric' })}
      </fieldset>

      <FormResult state={state} testId="promotion" />
      {state.status === 'error' && state.field !== null ? (
        <p className="text-sm text-red-700" data-testid="promotion-error">
          Nothing was saved: {state.message}
        </p>
      ) : null}
      <div>
        <button type="submit" className={buttonClass('primary')} disabled={pending}>
          {initial ? 'Save promotion' : 'Create promotion'}
        </button>
      </div>
    </form>
  );
}
