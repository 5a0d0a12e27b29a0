import { LoginForm } from "@/components/auth/login-form";

export const metadata = { title: "Sign in · Wiredesk" };

/** The sign-in page. */
export default function LoginPage() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <LoginForm />
    </main>
  );
}
