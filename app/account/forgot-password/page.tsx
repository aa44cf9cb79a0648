import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';
import { PageHeading } from '@/components/ui/page-heading';

export const instant = false;

export const metadata: Metadata = { title: 'Forgot your password', robots: { index: false } };

export default async function ForgotPasswordPage() {
  await connection();
  return (
    <div className="max-w-3xl">
      <PageHeading title="Forgot your password?">
        Tell us your email and we send you a link to choose a new one.
      </PageHeading>
      <ForgotPasswordForm />
    </div>
  );
}
