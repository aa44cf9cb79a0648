import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToCartForm } from '@/components/shop/add-to-cart-form';
import { CurrentStockHint } from '@/components/shop/current-stock-hint';
import { ProductPrice } from '@/components/shop/product-price';
import { STORE_NAME } from '@/components/shop/store-info';
import { getCatalog, getCategory, getProduct } from '@/lib/catalog';

type Props = { params: Promise<{ id: string }> };

// Each product's page is prerendered whole: a link waits for it rather than showing a page without the product first.
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = getProduct((await params).id);
  if (!product) return { title: 'Product not found' };
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: `/products/${product.id}` },
    openGraph: {
      type: 'website',
      siteName: STORE_NAME,
      title: product.name,
      description: product.description,
      url: `/products/${product.id}`,
      // Relative to `metadataBase` (root layout), so crawlers get an absolute URL.
      images: [{ url: product.image, width: 800, height: 800, alt: product.imageAlt }],
    },
  };
}

export function generateStaticParams() {
  return getCatalog().products.map((product) => ({ id: product.id }));
}

/**
 * Prerendered per product at build. Only what is left in stock streams in per request: the Add to cart form is in the
 * shell (so it works before hydration and with JavaScript off), capped at the per-order limit; the cart service
 * refuses what stock cannot cover, with its message.
 */
export default async function ProductPage({ params }: Props) {
  const product = getProduct((await params).id);
  if (!product) notFound();
  const category = getCategory(product.categoryId);

  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-2">
          <li>
            <Link href="/" className="hover:text-stone-900 hover:underline">
              Shop
            </Link>
          </li>
          {category ? (
            <>
              <li aria-hidden="true">/</li>
              <li>
                <Link href={`/categories/${category.id}`} className="hover:text-stone-900 hover:underline">
                  {category.name}
                </Link>
              </li>
            </>
          ) : null}
        </ol>
      </nav>
      <div className="grid gap-10 md:grid-cols-2">
        <div className="overflow-hidden rounded-3xl border border-stone-200 bg-white">
          <Image
            src={product.image}
            alt={product.imageAlt}
            width={800}
            height={800}
            unoptimized
            loading="eager"
            fetchPriority="high"
            className="h-auto w-full"
          />
        </div>
        <div className="flex flex-col gap-5">
          <h1 className="font-serif text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
            {product.name}
          </h1>
          <ProductPrice
            amount={product.unitAmount}
            currency={product.currency}
            className="text-2xl font-semibold text-stone-900"
          />
          <CurrentStockHint product={product} />
          <p className="leading-relaxed text-stone-700">{product.description}</p>
          {category?.warrantyEligible ? (
            <p className="text-sm text-stone-600">An extended warranty can be added at checkout.</p>
          ) : null}
          <AddToCartForm productId={product.id} productName={product.name} maxQuantity={product.maxPerOrder} />
          <ul className="mt-2 space-y-1 text-sm text-stone-600">
            <li>Ships in 1–2 business days</li>
            <li>Free returns within 30 days</li>
            <li>Limit {product.maxPerOrder} per order</li>
          </ul>
        </div>
      </div>
    </div>
  );
}
