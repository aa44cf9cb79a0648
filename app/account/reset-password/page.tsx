import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';

export const instant = false;

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the emailed reset link lands (better-auth checks the token, then redirects here with it, or with an error). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  await connection();
  const { token } = await searchParams;
  return (
    <div className="max-w-3xl">
      <PageHeading title="Choose a new password" />
      {typeof token === 'string' && token !== '' ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error">
          This reset link has expired or was already used.{' '}
          <Link href="/account/forgot-password" className="font-semibold underline">
            Ask for a new one
          </Link>
          .
        </Alert>
      )}
    </div>
  );
}
