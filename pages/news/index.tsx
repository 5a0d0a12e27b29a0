import type { GetServerSideProps } from "next";
import { formatTime } from "@/components/public/format-time";
import { PageHead } from "@/components/public/page-head";
import { getPublicSiteReader, type PublicStory } from "@/server/contract/public-site";

type Props = { stories: PublicStory[]; baseUrl: string };

/** No client runtime: the production page is HTML and CSS only. */
export const config = { unstable_runtimeJS: false };

/** Reads through the server's cache, which each publish, correction and kill refreshes (never a timer). */
export const getServerSideProps: GetServerSideProps<Props> = async ({ res }) => {
  const reader = getPublicSiteReader();
  res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
  return { props: { stories: await reader.frontPage(50), baseUrl: reader.baseUrl() } };
};

const DESCRIPTION = "The latest stories published by the Wiredesk newsroom.";

/** The public front page: published stories, newest first. */
export default function FrontPage({ stories, baseUrl }: Props) {
  return (
    <>
      <PageHead title="Latest news" description={DESCRIPTION} url={`${baseUrl}/news`} baseUrl={baseUrl} type="website" />
      <h1 className="mb-4 text-2xl font-bold">Latest news</h1>
      {stories.length === 0 ? <p>Nothing has been published yet.</p> : null}
      <ol aria-label="Published stories" className="divide-y divide-slate-200 dark:divide-slate-800">
        {stories.map((story) => (
          <li key={story.id} className="py-3">
            <article>
              <h2 className="text-lg leading-snug font-semibold">
                <a href={story.path} className="hover:underline">
                  {story.headline}
                </a>
              </h2>
              {story.abstract ? <p className="mt-1 text-slate-700 dark:text-slate-300">{story.abstract}</p> : null}
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                <time dateTime={story.firstPublishedAt}>{formatTime(story.firstPublishedAt)}</time>
                {story.agency ? ` · ${story.agency}` : ""}
                {story.corrections.length > 0 ? " · corrected" : ""}
              </p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
