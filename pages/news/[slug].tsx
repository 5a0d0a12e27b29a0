import type { GetServerSideProps } from "next";
import { formatTime } from "@/components/public/format-time";
import { PageHead } from "@/components/public/page-head";
import { getPublicSiteReader, storyIdFromSegment, type PublicStory } from "@/server/contract/public-site";

type Props = { story: PublicStory; baseUrl: string };

/** No client runtime: the production page is HTML and CSS only. */
export const config = { unstable_runtimeJS: false };

/** Reads through the server's cache, which each publish, correction and kill refreshes (never a timer). */
export const getServerSideProps: GetServerSideProps<Props, { slug: string }> = async ({ params, res }) => {
  const reader = getPublicSiteReader();
  const story = await reader.story(storyIdFromSegment(params?.slug ?? ""));
  // A killed story never reaches here: the server answers its URL with 410 before rendering.
  if (!story || story.state === "killed") return { notFound: true };
  res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
  return { props: { story, baseUrl: reader.baseUrl() } };
};

/** A published story: dateline, byline, body, times, correction notes and the agency's credit. */
export default function StoryPage({ story, baseUrl }: Props) {
  return (
    <article lang={story.language ?? undefined}>
      <PageHead title={story.headline} description={story.abstract} url={`${baseUrl}${story.path}`} baseUrl={baseUrl} type="article" publishedTime={story.firstPublishedAt} modifiedTime={story.updatedAt} />
      <h1 className="text-3xl leading-tight font-bold">{story.headline}</h1>
      {story.subheadline ? <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{story.subheadline}</p> : null}
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        {story.byline ? <span>{story.byline}</span> : null}
        {story.byline ? " · " : null}
        Published <time dateTime={story.firstPublishedAt}>{formatTime(story.firstPublishedAt)}</time>
        {story.updatedAt !== story.firstPublishedAt ? (
          <>
            {" · Updated "}
            <time dateTime={story.updatedAt}>{formatTime(story.updatedAt)}</time>
          </>
        ) : null}
      </p>
      {story.corrections.length > 0 ? (
        <aside aria-label="Corrections" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          {story.corrections.map((c) => (
            <p key={c.at}>
              <strong>Correction</strong> (<time dateTime={c.at}>{formatTime(c.at)}</time>): {c.note}
            </p>
          ))}
        </aside>
      ) : null}
      <div className="public-body mt-5 space-y-3">
        {story.dateline ? <p className="font-semibold">{story.dateline}</p> : null}
        {/* The body passed the server's allow-list sanitizer at ingest (and co-editing's schema); no script can run on this page (CSP script-src 'none'). */}
        <div dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      </div>
      {story.agency ? <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">Source: {story.agency}</p> : null}
    </article>
  );
}
