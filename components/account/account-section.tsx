import type { ReactNode } from 'react';

type Props = { id: string; title: string; children: ReactNode };

/** One section of /account (orders, addresses, and whatever else an account shows): a titled card. */
export function AccountSection({ id, title, children }: Props) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="rounded-2xl border border-stone-200 bg-white p-6">
      <h2 id={`${id}-heading`} className="mb-4 text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
