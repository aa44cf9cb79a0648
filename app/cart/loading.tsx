import { Skeleton } from '@/components/ui/skeleton';

export default function CartLoading() {
  return (
    <div>
      <p role="status" className="sr-only">
        Loading your cart…
      </p>
      <Skeleton className="mb-8 h-10 w-48" />
      <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {['a', 'b'].map((key) => (
            <div key={key} className="flex gap-4">
              <Skeleton className="h-24 w-24 rounded-xl" />
              <div className="flex-1 space-y-3">
                <Skeleton className="h-5 w-2/3" />
                <Skeleton className="h-4 w-1/3" />
              </div>
            </div>
          ))}
        </div>
        <Skeleton className="h-56 w-full rounded-2xl" />
      </div>
    </div>
  );
}
