import Head from "next/head";

/** A public page's tags: title, description, canonical link, feeds and Open Graph. */
export function PageHead(props: { title: string; description?: string | null; url: string; baseUrl: string; type: "website" | "article"; publishedTime?: string; modifiedTime?: string }) {
  const { title, description, url, baseUrl, type } = props;
  return (
    <Head>
      <title>{`${title} · Wiredesk news`}</title>
      {description ? <meta name="description" content={description} /> : null}
      <link rel="canonical" href={url} />
      <link rel="alternate" type="application/rss+xml" title="Wiredesk news (RSS)" href={`${baseUrl}/feed.rss`} />
      <link rel="alternate" type="application/atom+xml" title="Wiredesk news (Atom)" href={`${baseUrl}/feed.atom`} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content="Wiredesk news" />
      {props.publishedTime ? <meta property="article:published_time" content={props.publishedTime} /> : null}
      {props.modifiedTime ? <meta property="article:modified_time" content={props.modifiedTime} /> : null}
    </Head>
  );
}
