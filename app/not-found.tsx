import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <div className="py-10">
      <h1 className="sr-only">Page not found</h1>
      <EmptyState title="We couldn’t find that page" actionHref="/" actionLabel="Back to the shop" testId="not-found">
        The product or page you were looking for does not exist or is no longer available.
      </EmptyState>
    </div>
  );
}
