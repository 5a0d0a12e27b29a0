import type { Route } from "./route";
import { authRoutes } from "./routes/auth-routes";
import { healthRoutes } from "./routes/health-routes";
import { ingestRoutes } from "./routes/ingest-routes";
import { storyRoutes } from "./routes/story-routes";
import { userRoutes } from "./routes/user-routes";

/**
 * Every HTTP route of the server with who may call it: the one authorization table.
 * The matrix test walks it for every role; a route missing here does not exist.
 */
export const ROUTE_TABLE: readonly Route[] = [...healthRoutes, ...authRoutes, ...storyRoutes, ...ingestRoutes, ...userRoutes];
