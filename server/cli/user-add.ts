/** CLI: `npm run user:add -- --email E --name N --role R --password P` creates a user in WIREDESK_DB. */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUser } from "../auth/service";
import { closeContext, createContext } from "../context";
import { RoleSchema } from "../contract/auth";
import { parseEnv } from "../env";
import { createLogger } from "../logger";

const ArgsSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1),
  role: RoleSchema,
  password: z.string().min(10, "use at least 10 characters"),
});

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
  strict: true,
});
const args = ArgsSchema.safeParse(values);
if (!args.success) {
  for (const issue of args.error.issues) process.stderr.write(`--${issue.path.join(".")}: ${issue.message}\n`);
  process.stderr.write("usage: npm run user:add -- --email E --name N --role viewer|editor|chief|admin --password P\n");
  process.exit(2);
}
const ctx = createContext(parseEnv(), createLogger("warn"));
try {
  const user = await createUser(ctx, args.data, null);
  process.stdout.write(`created ${user.role} ${user.email} (${user.id})\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await closeContext(ctx);
}
