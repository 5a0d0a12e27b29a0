import type { DemoItem } from "../demo-item";
import { escapeXml } from "./escape-xml";

/** Renders a demo item as a NewsML-G2 newsItem with an XHTML body. */
export function renderNewsmlG2(item: DemoItem): string {
  const { story } = item;
  const x = escapeXml;
  const at = item.at.toISOString();
  const by = story.byline ? `\n    <by>${x(story.byline)}</by>` : "";
  const note = item.editorNote ? `\n    <edNote>${x(item.editorNote)}</edNote>` : "";
  const signals = item.signals.map((code) => `\n    <signal qcode="${x(code)}"/>`).join("");
  const subjects = story.categories.map((c) => `\n    <subject type="cpnat:abstract"><name>${x(c)}</name></subject>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${x(item.guid)}" version="${item.version}" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="${x(story.language)}">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:${x(story.agency)}"/>
    <versionCreated>${at}</versionCreated>
    <firstCreated>${at}</firstCreated>
    <pubStatus qcode="stat:${item.pubStatus}"/>${note}${signals}
  </itemMeta>
  <contentMeta>
    <urgency>${story.urgency}</urgency>
    <located><name>${x(story.place)}</name></located>${by}
    <language tag="${x(story.language)}"/>${subjects}
    <slugline>${x(story.slug)}</slugline>
    <headline>${x(item.headline)}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>${x(item.headline)}</title></head>
        <body>
${item.paragraphs.map((p) => `          <p>${x(p)}</p>`).join("\n")}
        </body>
      </html>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}
