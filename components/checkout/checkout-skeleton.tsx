import { Skeleton } from '@/components/ui/skeleton';

/**
 * Placeholder blocks with the heights of the loaded checkout's sections (measured on a 412 px wide phone with one
 * item: contact, items, extras, shipping address, shipping method, discounts, payment; then the summary and Pay), in the
 * same grid as `CheckoutForm`. The loaded form therefore takes the skeleton's place without moving what surrounds it
 * (the footer stays where it was, below the fold), which keeps the checkout's layout shift near zero.
 */
const SECTIONS = [
  { key: 'contact', heading: 'w-24', height: 'h-[130px]' },
  { key: 'items', heading: 'w-20', height: 'h-[130px]' },
  { key: 'extras', heading: 'w-28', height: 'h-[182px]' },
  { key: 'shipping-address', heading: 'w-40', height: 'h-[642px]' },
  { key: 'shipping-method', heading: 'w-36', height: 'h-[60px]' },
  { key: 'discounts', heading: 'w-32', height: 'h-[140px]' },
  { key: 'payment', heading: 'w-24', height: 'h-[408px]' },
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
      <div className="space-y-10">
        {SECTIONS.map((section) => (
          <SectionSkeleton key={section.key} heading={section.heading} height={section.height} />
        ))}
      </div>
      <div className="space-y-4 lg:self-start">
        <Skeleton className="h-[284px] w-full" />
        <Skeleton className="h-12 w-full" />
        <Skeleton className="mx-auto h-8 w-3/4" />
      </div>
    </div>
  );
}
