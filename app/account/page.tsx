import Link from "next/link";
import { PasswordForm } from "@/components/account/password-form";

export const metadata = { title: "Account · Wiredesk" };

/** The signed-in user's account page. */
export default function AccountPage() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 p-6">
      <Link href="/" className="text-xs text-blue-600 underline">
        ← Back to the desk
      </Link>
      <h1 className="text-lg font-semibold">Your account</h1>
      <PasswordForm />
    </main>
  );
}
