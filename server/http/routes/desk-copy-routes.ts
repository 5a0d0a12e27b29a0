import { bringInAgencyVersion, getDeskDiff, listDeskVersions, restoreDeskVersion } from "../../collab/desk-copy-service";
import { AppError } from "../../errors";
import { requireUser, type Route } from "../route";

/** The desk copy's history (kept versions, their differences, restore) and bringing in an agency update. */
export const deskCopyRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/stories/:id/desk-versions",
    access: "viewer",
    handler: async ({ ctx, params }) => ({ status: 200, body: await listDeskVersions(ctx, params.id ?? "") }),
  },
  {
    method: "GET",
    path: "/api/stories/:id/desk-diff",
    access: "viewer",
    handler: async ({ ctx, params, url }) => ({ status: 200, body: await getDeskDiff(ctx, params.id ?? "", url.searchParams) }),
  },
  {
    method: "POST",
    path: "/api/stories/:id/desk-versions/:versionId/restore",
    access: "editor",
    handler: async ({ ctx, params, actor }) => {
      const versionId = Number(params.versionId);
      if (!Number.isSafeInteger(versionId) || versionId <= 0) throw new AppError("not_found", "No desk version with that id.");
      await restoreDeskVersion(ctx, params.id ?? "", versionId, requireUser(actor).userId);
      return { status: 200, body: { ok: true } };
    },
  },
  {
    method: "POST",
    path: "/api/stories/:id/agency-update/bring-in",
    access: "editor",
    handler: async ({ ctx, params, actor }) => {
      await bringInAgencyVersion(ctx, params.id ?? "", requireUser(actor).userId);
      return { status: 200, body: { ok: true } };
    },
  },
];
