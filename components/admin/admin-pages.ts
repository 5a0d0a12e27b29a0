/** Every admin screen, in the order the admin menu and the admin pages' navigation list them. */
export const ADMIN_PAGES = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/desks", label: "Desks" },
  { href: "/admin/feeds", label: "Feeds" },
  { href: "/admin/ingest-tokens", label: "Ingest tokens" },
  { href: "/admin/ingest", label: "Ingest errors" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/audit", label: "Audit log" },
] as const;
