import type { ReactNode } from 'react';

type Props = {
  tone?: 'error' | 'info' | 'success';
  title?: string;
  children: ReactNode;
  testId?: string;
};

const tones = {
  error: 'border-red-200 bg-red-50 text-red-900',
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
};

/** A message box. Errors are announced immediately (`role="alert"`), the rest politely (`role="status"`). */
export function Alert({ tone = 'info', title, children, testId }: Props) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
