import type { AppContext } from "./app-context";
import { createUser } from "./auth/service";
import type { Role } from "./contract/auth";

/** Creates the admin named by WIREDESK_ADMIN_EMAIL/PASSWORD on first start with an empty database. */
export async function ensureBootstrapAdmin(ctx: AppContext): Promise<void> {
  const { WIREDESK_ADMIN_EMAIL: email, WIREDESK_ADMIN_PASSWORD: password } = ctx.env;
  if (!email || !password || (await ctx.store.accounts.countUsers()) > 0) return;
  await createUser(ctx, { email, name: "Administrator", role: "admin", password }, null);
  ctx.logger.info({ email }, "created the first admin from WIREDESK_ADMIN_EMAIL");
}

/** The demo desk's people (demo mode only). */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: "chief@demo.wiredesk", name: "Chris Chief", role: "chief" },
  { email: "editor@demo.wiredesk", name: "Eda Editor", role: "editor" },
  { email: "editor2@demo.wiredesk", name: "Ed Second", role: "editor" },
  { email: "admin@demo.wiredesk", name: "Ada Admin", role: "admin" },
  { email: "viewer@demo.wiredesk", name: "Vic Viewer", role: "viewer" },
];

/** The demo accounts' shared password: fine for a demo, which never runs in production. */
export const DEMO_PASSWORD = "wiredesk-demo";

/** Creates the demo accounts on an empty database and returns them for printing once; [] otherwise. */
export async function ensureDemoAccounts(ctx: AppContext): Promise<typeof DEMO_ACCOUNTS> {
  if ((await ctx.store.accounts.countUsers()) > 0) return [];
  for (const account of DEMO_ACCOUNTS) await createUser(ctx, { ...account, password: DEMO_PASSWORD }, null);
  return DEMO_ACCOUNTS;
}
