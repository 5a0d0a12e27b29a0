import { redirect } from "next/navigation";

/** A story's shareable link: opens the desk with that story selected in the pane. */
export default async function StoryLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/?story=${encodeURIComponent(id)}`);
}
