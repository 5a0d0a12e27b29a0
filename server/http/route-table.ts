import type { Route } from "./route";
import { alarmRoutes } from "./routes/alarm-routes";
import { auditRoutes } from "./routes/audit-routes";
import { authRoutes } from "./routes/auth-routes";
import { deskCopyRoutes } from "./routes/desk-copy-routes";
import { deskRoutes } from "./routes/desk-routes";
import { feedRoutes } from "./routes/feed-routes";
import { healthRoutes } from "./routes/health-routes";
import { ingestErrorRoutes } from "./routes/ingest-error-routes";
import { ingestRoutes } from "./routes/ingest-routes";
import { publishedRoutes } from "./routes/published-routes";
import { webhookRoutes } from "./routes/webhook-routes";
import { queueRoutes } from "./routes/queue-routes";
import { savedSearchRoutes } from "./routes/saved-search-routes";
import { storyDiffRoutes } from "./routes/story-diff-routes";
import { ingestTokenRoutes } from "./routes/ingest-token-routes";
import { opsRoutes } from "./routes/ops-routes";
import { storyRoutes } from "./routes/story-routes";
import { userRoutes } from "./routes/user-routes";

/**
 * Every HTTP route of the server with who may call it: the one authorization table.
 * The matrix test walks it for every role; a route missing here does not exist.
 */
export const ROUTE_TABLE: readonly Route[] = [...healthRoutes, ...opsRoutes, ...authRoutes, ...storyRoutes, ...ingestRoutes, ...userRoutes, ...ingestTokenRoutes, ...auditRoutes, ...storyDiffRoutes, ...deskCopyRoutes, ...ingestErrorRoutes, ...feedRoutes, ...queueRoutes, ...savedSearchRoutes, ...deskRoutes, ...publishedRoutes, ...webhookRoutes, ...alarmRoutes];
