'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentProps } from 'react';

/**
 * A link in the store's header. Prefetched as usual, except on the checkout: a shopper about to pay has no use for the
 * category pages ready in advance, and fetching and reading them (six requests) competed with the checkout's own
 * requests and scripts while it starts.
 */
export function HeaderLink(props: ComponentProps<typeof Link>) {
  const onCheckout = usePathname().startsWith('/checkout');
  return <Link {...props} prefetch={onCheckout ? false : props.prefetch} />;
}
