import type { DemoItem } from "../demo-item";
import { escapeXml, nitfNorm } from "./escape-xml";

/** Renders a demo item as an un-namespaced NITF 3.6 document, as many agencies send it. */
export function renderNitf(item: DemoItem): string {
  const { story } = item;
  const x = escapeXml;
  const note = item.editorNote ? ` info="${x(item.editorNote)}"` : "";
  const correction = item.signals.includes("sig:correction") ? `\n      <correction${note}/>` : item.editorNote ? `\n      <ed-msg${note}/>` : "";
  const byline = story.byline ? `\n        <byline>${x(story.byline)}</byline>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="${x(story.language)}">
  <head>
    <title>${x(item.headline)}</title>
    <docdata management-status="${item.pubStatus}">
      <doc-id regsrc="${x(story.agency)}" id-string="${x(item.guid)}"/>
      <urgency ed-urg="${story.urgency}"/>
      <date.issue norm="${nitfNorm(item.at)}"/>
      <du-key key="${x(story.slug)}" version="${item.version}"/>
      <doc.copyright holder="${x(story.agency)}"/>${correction}
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>${x(item.headline)}</hl1>
      </hedline>${byline}
      <distributor>${x(story.agency)}</distributor>
      <dateline><location><city>${x(story.place)}</city></location></dateline>
    </body.head>
    <body.content>
${item.paragraphs.map((p) => `      <p>${x(p)}</p>`).join("\n")}
    </body.content>
  </body>
</nitf>
`;
}
