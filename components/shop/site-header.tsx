import type { ReactNode } from 'react';
import { HeaderLink } from '@/components/shop/header-link';
import { STORE_NAME } from '@/components/shop/store-info';
import type { Category } from '@/lib/catalog/schema';

type Props = { categories: readonly Category[]; accountLink: ReactNode; cartLink: ReactNode };

export function SiteHeader({ categories, accountLink, cartLink }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <HeaderLink
          href="/"
          className="flex items-center gap-2 rounded-md font-serif text-2xl font-semibold text-brand-800"
        >
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
            <circle cx="16" cy="16" r="15" fill="#245544" />
            <path
              d="M16 7c3 4 3 8 0 12-3-4-3-8 0-12zM9 13c4 0 6 3 7 6-4 0-6-3-7-6zm14 0c-1 3-3 6-7 6 1-3 3-6 7-6z"
              fill="#dcebe4"
            />
            <path d="M16 19v7" stroke="#dcebe4" strokeWidth="1.6" />
          </svg>
          {STORE_NAME}
        </HeaderLink>
        <nav aria-label="Categories" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 overflow-x-auto text-sm">
            {categories.map((category) => (
              <li key={category.id}>
                <HeaderLink
                  href={`/categories/${category.id}`}
                  className="block rounded-full px-3 py-2 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900"
                >
                  {category.name}
                </HeaderLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          {accountLink}
          {cartLink}
        </div>
      </div>
    </header>
  );
}
