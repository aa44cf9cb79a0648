'use client';

import { useActionState, useId } from 'react';
import { saveAddOnAction, saveProductAction, saveShippingRateAction } from '@/app/admin/store-actions';
import { TextField } from '@/components/account/text-field';
import { FieldError } from '@/components/admin/field-error';
import { FormResult, fieldErrorOf } from '@/components/admin/form-result';
import { inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import type { CatalogOverview } from '@/lib/admin/catalog';
import { IDLE_ADMIN_FORM } from '@/lib/admin/forms';

const major = (minor: number) => (minor / 100).toFixed(2);
const formClass = 'grid gap-3 rounded-xl border border-stone-200 p-4 sm:grid-cols-3 lg:grid-cols-6';

function Save({ pending, label }: { pending: boolean; label: string }) {
  return (
    <div className="flex items-end">
      <button type="submit" className={buttonClass('primary')} disabled={pending} aria-label={label}>
        Save
      </button>
    </div>
  );
}

function Active({ defaultChecked, label }: { defaultChecked: boolean; label: string }) {
  return (
    <label className="flex items-end gap-2 pb-2 text-sm text-stone-800">
      <input type="checkbox" name="active" defaultChecked={defaultChecked} />
      {label}
    </label>
  );
}

type ProductProps = { product: CatalogOverview['products'][number]; categories: CatalogOverview['categories'] };

/** One product's price, stock, per-order maximum, category, tax code and whether it is on sale. */
export function ProductForm({ product, categories }: ProductProps) {
  const [state, action, pending] = useActionState(saveProductAction, IDLE_ADMIN_FORM);
  const id = useId();
  const error = (name: string) => fieldErrorOf(state, name);
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={product.name} data-testid="product-form">
      <h3 className="font-semibold text-stone-900">{product.name}</h3>
      <input type="hidden" name="productId" value={product.id} />
      <div className={formClass}>
        <TextField
          id={`${id}-price`}
          name="price"
          label="Price"
          inputMode="decimal"
          defaultValue={major(product.unitAmount)}
          required
          error={error('price')}
        />
        <TextField
          id={`${id}-stock`}
          name="stock"
          label="Stock"
          inputMode="numeric"
          defaultValue={product.stock}
          required
          error={error('stock')}
        />
        <TextField
          id={`${id}-max`}
          name="maxPerOrder"
          label="Most per order"
          inputMode="numeric"
          defaultValue={product.maxPerOrder}
          required
          error={error('maxPerOrder')}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-category`} className={labelClass}>
            Category
          </label>
          <select
            id={`${id}-category`}
            name="categoryId"
            className={inputClass}
            defaultValue={product.categoryId}
            aria-invalid={error('categoryId') ? true : undefined}
            aria-describedby={error('categoryId') ? `${id}-category-error` : undefined}
          >
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-category-error`} error={error('categoryId')} />
        </div>
        <TextField
          id={`${id}-tax`}
          name="taxCode"
          label="Tax code"
          defaultValue={product.taxCode}
          required
          error={error('taxCode')}
        />
        <Active defaultChecked={product.active} label="On sale" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Save pending={pending} label={`Save ${product.name}`} />
        <FormResult state={state} testId="product" />
      </div>
    </form>
  );
}

/** An add-on's price (flat, or a share of the item's price) and whether it is offered. */
export function AddOnForm({ addOn }: { addOn: CatalogOverview['addOns'][number] }) {
  const [state, action, pending] = useActionState(saveAddOnAction, IDLE_ADMIN_FORM);
  const id = useId();
  const flat = addOn.price.kind === 'flat';
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={addOn.name}>
      <h3 className="font-semibold text-stone-900">{addOn.name}</h3>
      <input type="hidden" name="addOnId" value={addOn.id} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id={`${id}-price`}
          name={flat ? 'price' : 'share'}
          label={flat ? 'Price' : 'Share of the item’s price (%)'}
          inputMode="decimal"
          defaultValue={addOn.price.kind === 'flat' ? major(addOn.price.amount) : String(addOn.price.basisPoints / 100)}
          required
          error={fieldErrorOf(state, flat ? 'price' : 'share')}
        />
        <Active defaultChecked={addOn.active} label="Offered" />
        <Save pending={pending} label={`Save ${addOn.name}`} />
      </div>
      <FormResult state={state} testId="add-on" />
    </form>
  );
}

/** A shipping method's rate in one region: base, per extra kilogram, delivery estimate. */
export function ShippingRateForm({ rate }: { rate: CatalogOverview['rates'][number] }) {
  const [state, action, pending] = useActionState(saveShippingRateAction, IDLE_ADMIN_FORM);
  const id = useId();
  const title = `${rate.methodName}, ${rate.region}`;
  const error = (name: string) => fieldErrorOf(state, name);
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={title}>
      <h3 className="font-semibold text-stone-900">{title}</h3>
      <input type="hidden" name="methodId" value={rate.methodId} />
      <input type="hidden" name="region" value={rate.region} />
      <div className="grid gap-3 sm:grid-cols-5">
        <TextField
          id={`${id}-base`}
          name="baseAmount"
          label="Base"
          inputMode="decimal"
          defaultValue={major(rate.baseAmount)}
          required
          error={error('baseAmount')}
        />
        <TextField
          id={`${id}-kg`}
          name="perExtraKgAmount"
          label="Per extra kg"
          inputMode="decimal"
          defaultValue={major(rate.perExtraKgAmount)}
          required
          error={error('perExtraKgAmount')}
        />
        <TextField
          id={`${id}-min`}
          name="minBusinessDays"
          label="Fastest (business days)"
          inputMode="numeric"
          defaultValue={rate.minBusinessDays}
          required
          error={error('minBusinessDays')}
        />
        <TextField
          id={`${id}-max`}
          name="maxBusinessDays"
          label="Slowest (business days)"
          inputMode="numeric"
          defaultValue={rate.maxBusinessDays}
          required
          error={error('maxBusinessDays')}
        />
        <Save pending={pending} label={`Save ${title}`} />
      </div>
      <FormResult state={state} testId="shipping-rate" />
    </form>
  );
}
