import Link from 'next/link';
import type { Category } from '@/lib/catalog/schema';

type Props = { categories: readonly Category[]; activeId: string | null };

function chipClass(active: boolean): string {
  return active
    ? 'rounded-full border border-brand-700 bg-brand-700 px-4 py-1.5 text-sm font-medium text-white'
    : 'rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium text-stone-700 hover:border-stone-400 hover:bg-stone-100';
}

export function CategoryFilter({ categories, activeId }: Props) {
  return (
    <nav aria-label="Filter by category" className="mb-8">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/" className={chipClass(activeId === null)} aria-current={activeId === null ? 'page' : undefined}>
            All products
          </Link>
        </li>
        {categories.map((category) => (
          <li key={category.id}>
            <Link
              href={`/categories/${category.id}`}
              className={chipClass(activeId === category.id)}
              aria-current={activeId === category.id ? 'page' : undefined}
            >
              {category.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
