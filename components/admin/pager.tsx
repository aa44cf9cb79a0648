import Link from 'next/link';

/** Previous / next links of a paged list (`href(page)` builds each), and where the list is. */
export function Pager({
  page,
  pages,
  total,
  href,
}: {
  page: number;
  pages: number;
  total: number;
  href: (page: number) => string;
}) {
  const link = 'rounded-full border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100';
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm text-stone-700">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pages} · {total} in all
      </span>
      {page < pages ? (
        <Link className={link} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
