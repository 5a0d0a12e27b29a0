import type { DemoItem } from "../demo-item";

/** Renders a demo item as IPTC ninjs 2.x JSON. */
export function renderNinjs(item: DemoItem): string {
  const { story } = item;
  const at = item.at.toISOString();
  return JSON.stringify({
    uri: item.guid,
    version: String(item.version),
    type: "text",
    pubstatus: item.pubStatus,
    urgency: story.urgency,
    language: story.language,
    versioncreated: at,
    firstcreated: at,
    slugline: story.slug,
    by: story.byline ?? undefined,
    located: story.place,
    headlines: [{ role: "main", value: item.headline }],
    bodies: [{ role: "main", contenttype: "text/html", value: item.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") }],
    copyrightholder: story.agency,
    signals: item.signals.length > 0 ? item.signals.map((code) => ({ code })) : undefined,
    ednote: item.editorNote ?? undefined,
    subjects: story.categories.map((c) => ({ name: c })),
  });
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
