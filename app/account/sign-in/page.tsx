import type { Metadata } from 'next';
import Link from 'next/link';
import { redirectIfSignedIn } from '@/app/account/_lib/signed-in';
import { SignInForms } from '@/components/account/sign-in-forms';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { safeReturnPath } from '@/lib/accounts/forms';

export const instant = false;

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.returnTo);
  await redirectIfSignedIn(returnTo);
  return (
    <div className="max-w-3xl">
      <PageHeading title="Sign in">See your orders and saved addresses. Your cart comes with you.</PageHeading>
      <div className="mb-6 space-y-3">
        {params.reset === 'done' ? <Alert tone="success">Your password is changed. Sign in with it.</Alert> : null}
        {params.link === 'invalid' || params.error ? (
          <Alert tone="error">That link has expired or was already used. Ask for a new one below.</Alert>
        ) : null}
      </div>
      <SignInForms returnTo={returnTo} />
      <p className="mt-10 text-stone-700">
        New here?{' '}
        <Link
          href={`/account/sign-up${returnTo === '/account' ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`}
          className="font-semibold text-brand-700 underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
