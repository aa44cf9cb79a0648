import { Skeleton } from '@/components/ui/skeleton';

export function CheckoutSkeleton() {
  return (
    <div data-testid="checkout-loading" className="grid gap-10 lg:grid-cols-[1fr_24rem]">
      <p role="status" className="sr-only">
        Loading secure checkout…
      </p>
      <div className="space-y-6">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-11 w-full" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-32 w-full" />
      </div>
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
