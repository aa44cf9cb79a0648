'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/button-styles';

type Props = { error: unknown; retry: () => void };

export default function ErrorPage({ error, retry }: Props) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="font-serif text-3xl font-semibold text-stone-900">Something went wrong</h1>
      <p className="mt-3 text-stone-600">
        We hit an unexpected problem loading this page. No payment was taken. Please try again in a moment.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className={buttonClass('primary', 'lg')}>
          Try again
        </button>
        <Link href="/" className={buttonClass('secondary', 'lg')}>
          Back to the shop
        </Link>
      </div>
    </section>
  );
}
