import { AdminShell } from '@/components/admin/admin-shell';
import { AddOnForm, ProductForm, ShippingRateForm } from '@/components/admin/catalog-forms';
import { AdminCard } from '@/components/admin/table';
import { catalogOverview } from '@/lib/admin/catalog';
import { requireMerchantPage } from '@/lib/admin/guard';
import { getDb } from '@/lib/db';

export const instant = false;

export default async function AdminCatalogPage() {
  const merchant = await requireMerchantPage('/admin/catalog');
  const overview = await catalogOverview(await getDb());
  return (
    <AdminShell merchant={merchant} section="catalog" title="Catalog">
      <p className="mb-6 max-w-prose text-sm text-stone-600">
        A change applies at once: the store’s pages show it on their next visit, and an open checkout prices from it on
        its next update (a withdrawn or sold-out product leaves it, with a notice to the shopper).
      </p>
      <div className="grid gap-6">
        <AdminCard id="products" title="Products">
          <div className="flex flex-col gap-5">
            {overview.products.map((product) => (
              <ProductForm
                key={`${product.id}-${product.updatedAt.getTime()}`}
                product={product}
                categories={overview.categories}
              />
            ))}
          </div>
        </AdminCard>
        <AdminCard id="add-ons" title="Add-ons">
          <div className="flex flex-col gap-5">
            {overview.addOns.map((addOn) => (
              <AddOnForm key={addOn.id} addOn={addOn} />
            ))}
          </div>
        </AdminCard>
        <AdminCard id="shipping-rates" title="Shipping rates">
          <div className="flex flex-col gap-5">
            {overview.rates.map((rate) => (
              <ShippingRateForm key={`${rate.methodId}-${rate.region}`} rate={rate} />
            ))}
          </div>
        </AdminCard>
      </div>
    </AdminShell>
  );
}
