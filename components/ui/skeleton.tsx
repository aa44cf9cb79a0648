type Props = { className?: string };

/** A grey placeholder block shown while content loads. Hidden from assistive tech; pair it with a status text. */
export function Skeleton({ className = '' }: Props) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-stone-200 ${className}`} />;
}
