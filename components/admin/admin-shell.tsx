import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Merchant } from '@/lib/admin/guard';

const SECTIONS = [
  { id: 'orders', href: '/admin/orders', label: 'Orders' },
  { id: 'customers', href: '/admin/customers', label: 'Customers' },
  { id: 'reports', href: '/admin/reports', label: 'Reports' },
  { id: 'promotions', href: '/admin/promotions', label: 'Promotions' },
  { id: 'catalog', href: '/admin/catalog', label: 'Catalog' },
] as const;

type Props = {
  merchant: Merchant;
  section: (typeof SECTIONS)[number]['id'];
  title: string;
  children: ReactNode;
};

/**
 * Every console page's frame: its title, the console's navigation and who is signed in. Rendered only after the guard
 * let the merchant in (the title too), so a shopper's 404 says nothing about the console.
 */
export function AdminShell({ merchant, section, title, children }: Props) {
  return (
    <div>
      <title>{`${title} · Merchant console`}</title>
      <meta name="robots" content="noindex" />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-4">
        <nav aria-label="Merchant console">
          <ul className="flex flex-wrap gap-1">
            {SECTIONS.map((item) => (
              <li key={item.id}>
                <Link
                  href={item.href}
                  aria-current={item.id === section ? 'page' : undefined}
                  className="rounded-full px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-700 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-sm text-stone-600">
          Merchant: <span className="font-medium text-stone-900">{merchant.email}</span>
        </p>
      </div>
      <h1 className="mb-6 font-serif text-3xl font-semibold tracking-tight text-stone-900">{title}</h1>
      {children}
    </div>
  );
}
