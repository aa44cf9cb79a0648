import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button-styles';

type Props = {
  title: string;
  children: ReactNode;
  actionHref: string;
  actionLabel: string;
  testId?: string;
};

export function EmptyState({ title, children, actionHref, actionLabel, testId }: Props) {
  return (
    <section
      data-testid={testId}
      className="mx-auto max-w-md rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center"
    >
      <h2 className="font-serif text-2xl font-semibold text-stone-900">{title}</h2>
      <div className="mt-2 text-stone-600">{children}</div>
      <Link href={actionHref} className={buttonClass('primary', 'lg', 'mt-6')}>
        {actionLabel}
      </Link>
    </section>
  );
}
