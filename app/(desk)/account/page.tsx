import { PasswordForm } from "@/components/account/password-form";
import { PageShell } from "@/components/ui/page-shell";

export const metadata = { title: "Account · Wiredesk" };

/** The signed-in user's account page. */
export default function AccountPage() {
  return (
    <PageShell title="Your account" width="max-w-2xl">
      <PasswordForm />
    </PageShell>
  );
}
