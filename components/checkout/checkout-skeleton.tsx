import { Skeleton } from '@/components/ui/skeleton';

/**
 * Placeholder blocks with the heights of the loaded checkout's sections (measured on a 412 px wide phone with one
 * item: the "Show order summary" bar, contact, items, extras, shipping address, shipping method, discounts, payment;
 * then Pay — the summary column only from `lg`), in the same grid as `CheckoutForm`. The loaded form therefore takes
 * the skeleton's place without moving what surrounds it (the footer stays where it was, below the fold), which keeps
 * the checkout's layout shift near zero.
 */
const SECTIONS = [
  { key: 'contact', heading: 'w-24', height: 'h-[130px]' },
  { key: 'items', heading: 'w-20', height: 'h-[150px]' },
  { key: 'extras', heading: 'w-28', height: 'h-[182px]' },
  { key: 'shipping-address', heading: 'w-40', height: 'h-[642px]' },
  { key: 'shipping-method', heading: 'w-36', height: 'h-[60px]' },
  { key: 'discounts', heading: 'w-32', height: 'h-[140px]' },
  { key: 'payment', heading: 'w-24', height: 'h-[424px]' },
] as const;

function SectionSkeleton({ heading, height }: { heading: string; height: string }) {
  return (
    <div className={`flex flex-col gap-3 ${height}`}>
      <Skeleton className={`h-7 shrink-0 ${heading}`} />
      <Skeleton className="w-full flex-1" />
    </div>
  );
}

export function CheckoutSkeleton() {
  return (
    <div data-testid="checkout-loading" className="grid gap-10 lg:grid-cols-[1fr_24rem]">
      <p role="status" className="sr-only">
        Loading secure checkout…
      </p>
      <Skeleton className="h-14 w-full lg:hidden" />
      <div className="space-y-10">
        {SECTIONS.map((section) => (
          <SectionSkeleton key={section.key} heading={section.heading} height={section.height} />
        ))}
      </div>
      <div className="space-y-4 lg:self-start">
        <Skeleton className="hidden h-[284px] w-full lg:block" />
        <Skeleton className="mx-auto h-5 w-2/3" />
        <Skeleton className="h-12 w-full" />
        <Skeleton className="mx-auto h-8 w-3/4" />
      </div>
    </div>
  );
}
