import type { ReactNode } from 'react';

type Props = { title: string; children?: ReactNode };

export function PageHeading({ title, children }: Props) {
  return (
    <header className="mb-8">
      <h1 className="font-serif text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">{title}</h1>
      {children ? <div className="mt-2 text-stone-600">{children}</div> : null}
    </header>
  );
}
