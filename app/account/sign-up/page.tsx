import type { Metadata } from 'next';
import Link from 'next/link';
import { redirectIfSignedIn } from '@/app/account/_lib/signed-in';
import { SignUpForm } from '@/components/account/sign-up-form';
import { PageHeading } from '@/components/ui/page-heading';
import { safeReturnPath } from '@/lib/accounts/forms';

export const instant = false;

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  await redirectIfSignedIn(returnTo);
  return (
    <div className="max-w-3xl">
      <PageHeading title="Create an account">We email you a link to confirm your address; it signs you in.</PageHeading>
      <SignUpForm returnTo={returnTo} />
      <p className="mt-10 text-stone-700">
        Have an account?{' '}
        <Link href="/account/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
