import type { WireFormat } from "@/server/domain/normalized-story";
import type { BenchStory } from "./text";

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphsXml = (s: BenchStory, tag = "p") => s.paragraphs.map((p) => `<${tag}>${escapeXml(p)}</${tag}>`).join("\n");
const compactDate = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");

function nitf(s: BenchStory): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="${s.language}">
<head><title>${escapeXml(s.headline)}</title>
<docdata><doc-id id-string="${escapeXml(s.guid)}" regsrc="${s.agency}"/><urgency ed-urg="${s.urgency}"/>
<date.issue norm="${compactDate(s.versionCreated)}"/><du-key version="${s.version}" key="${escapeXml(s.slugline)}"/>
<doc.copyright holder="${s.agency}"/></docdata>
<pubdata type="web" position.section="World"/></head>
<body><body.head><hedline><hl1>${escapeXml(s.headline)}</hl1></hedline>
<byline>${escapeXml(s.byline)}</byline><distributor>${s.agency}</distributor>
<dateline><location><city>${escapeXml(s.place)}</city></location></dateline></body.head>
<body.content>${paragraphsXml(s)}</body.content></body></nitf>`;
}

function ninjs(s: BenchStory): string {
  return JSON.stringify({
    uri: s.guid,
    type: "text",
    version: String(s.version),
    versioncreated: s.versionCreated,
    firstcreated: s.versionCreated,
    pubstatus: "usable",
    urgency: s.urgency,
    language: s.language,
    slugline: s.slugline,
    by: s.byline,
    copyrightholder: s.agency,
    located: s.place,
    headlines: [{ role: "main", value: s.headline }],
    subjects: [{ name: "politics", uri: "http://cv.iptc.org/newscodes/mediatopic/11000000" }],
    bodies: [{ role: "main", contenttype: "text/html", value: s.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("") }],
  });
}

function newsmlG2(s: BenchStory): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escapeXml(s.guid)}" version="${s.version}" standard="NewsML-G2" standardversion="2.29" xml:lang="${s.language}">
<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
<itemMeta><itemClass qcode="ninat:text"/><provider literal="${s.agency}"/><versionCreated>${s.versionCreated}</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><urgency>${s.urgency}</urgency><contentCreated>${s.versionCreated}</contentCreated>
<located><name>${escapeXml(s.place)}</name></located><creator><name>${escapeXml(s.byline)}</name></creator>
<language tag="${s.language}"/><subject qcode="medtop:11000000"><name>politics</name></subject>
<slugline>${escapeXml(s.slugline)}</slugline><headline>${escapeXml(s.headline)}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${escapeXml(s.headline)}</title></head>
<body>${paragraphsXml(s)}</body></html></inlineXML></contentSet></newsItem>`;
}

function newsml12(s: BenchStory): string {
  const date = compactDate(s.versionCreated);
  return `<?xml version="1.0" encoding="utf-8"?>
<NewsML Version="1.2"><NewsEnvelope><DateAndTime>${date}</DateAndTime><Priority FormalName="${s.urgency}"/></NewsEnvelope>
<NewsItem xml:lang="${s.language}"><Identification><NewsIdentifier><ProviderId>${s.agency.toLowerCase()}.example</ProviderId><DateId>${date}</DateId>
<NewsItemId>${escapeXml(s.guid)}</NewsItemId><RevisionId PreviousRevision="0" Update="N">${s.version}</RevisionId>
<PublicIdentifier>${escapeXml(s.guid)}</PublicIdentifier></NewsIdentifier><NameLabel>${escapeXml(s.slugline)}</NameLabel></Identification>
<NewsManagement><NewsItemType FormalName="News"/><FirstCreated>${date}</FirstCreated><ThisRevisionCreated>${date}</ThisRevisionCreated>
<Status FormalName="Usable"/><Urgency FormalName="${s.urgency}"/></NewsManagement>
<NewsComponent><NewsLines><DateLine>${escapeXml(s.place)} (${s.agency}) -</DateLine><HeadLine>${escapeXml(s.headline)}</HeadLine><ByLine>${escapeXml(s.byline)}</ByLine></NewsLines>
<AdministrativeMetadata><Provider><Party FormalName="${s.agency}"/></Provider></AdministrativeMetadata>
<DescriptiveMetadata><Language FormalName="${s.language}"/></DescriptiveMetadata>
<ContentItem><MediaType FormalName="Text"/><Format FormalName="XHTML"/><DataContent><body>${paragraphsXml(s)}</body></DataContent></ContentItem>
</NewsComponent></NewsItem></NewsML>`;
}

function iptc7901(s: BenchStory): string {
  const lines = s.paragraphs.flatMap((p) => [...(p.match(/.{1,69}(\s|$)/g) ?? [p]).map((l) => l.trimEnd()), ""]);
  return [`\x01${s.guid} ${s.urgency} pl ${s.paragraphs.length * 40} ${s.agency.toLowerCase()} ${String(s.version).padStart(4, "0")}`, "", `${s.slugline}/`, `\x02${s.headline} =`, "", ...lines, `\x03${s.versionCreated.slice(8, 10)}1037 Jan 26`, "\x04"].join("\r\n");
}

function plain(s: BenchStory): string {
  return [s.headline, "", s.byline, "", ...s.paragraphs.flatMap((p) => [p, ""])].join("\n");
}

function rss(items: BenchStory[]): string {
  const entries = items
    .map((s) => `<item><title>${escapeXml(s.headline)}</title><guid isPermaLink="false">${escapeXml(s.guid)}</guid><link>https://wire.example/${encodeURIComponent(s.guid)}</link>
<pubDate>${new Date(s.versionCreated).toUTCString()}</pubDate><author>desk@wire.example (${escapeXml(s.byline.replace(/^By /, ""))})</author>
<description>${escapeXml(s.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join(""))}</description></item>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench wire</title><link>https://wire.example/</link><description>Generated</description><language>en</language>\n${entries}\n</channel></rss>`;
}

/** A format the bench can write, with how many stories one delivery of it carries. */
export interface DocumentFormat {
  format: WireFormat;
  storiesPerDelivery: number;
  write(stories: BenchStory[]): string;
}

const single = (format: WireFormat, write: (s: BenchStory) => string): DocumentFormat => ({ format, storiesPerDelivery: 1, write: (stories) => write(stories[0]!) });

/** Every format the ingest benchmark generates deliveries in (real-sized: 8–12 paragraphs). */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = [
  single("nitf", nitf),
  single("ninjs", ninjs),
  single("newsml-g2", newsmlG2),
  single("newsml-1.2", newsml12),
  single("iptc7901", iptc7901),
  single("plain", plain),
  { format: "rss", storiesPerDelivery: 10, write: rss },
];

/** The format writers by name, for parts that need one delivery of a given format. */
export function documentFormat(format: WireFormat): DocumentFormat {
  const found = DOCUMENT_FORMATS.find((f) => f.format === format);
  if (!found) throw new Error(`no bench document writer for ${format}`);
  return found;
}
