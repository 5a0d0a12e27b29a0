/** A minimal NewsML-G2 text newsItem for tests (supersedes via `irel:previousVersion` links). */
export function g2Story(options: { guid: string; version?: number; headline?: string; body?: string; urgency?: number; pubStatus?: "usable" | "withheld" | "canceled"; supersedes?: string[] }): string {
  const links = (options.supersedes ?? []).map((guid) => `\n    <link rel="irel:previousVersion" residref="${guid}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${options.guid}" version="${options.version ?? 1}" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:Testwire"/>
    <versionCreated>${new Date().toISOString()}</versionCreated>
    <pubStatus qcode="stat:${options.pubStatus ?? "usable"}"/>${links}
  </itemMeta>
  <contentMeta>
    <urgency>${options.urgency ?? 5}</urgency>
    <headline>${options.headline ?? "Test headline"}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>${options.body ?? "Test body text."}</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}
