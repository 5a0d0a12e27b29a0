import type { InfiniteData } from "@tanstack/react-query";
import type { StoryPage, StorySummary } from "@/server/contract/story";

/** A cached queue list: the pages loaded so far, newest first. */
export type StoryListData = InfiniteData<StoryPage, string>;

/** Read access to a list's stories as one sequence, without copying the pages. */
export interface StoryListView {
  readonly length: number;
  at(index: number): StorySummary | undefined;
  indexOf(id: string): number;
}

// Each page's id → position map, built once per page array (pages are immutable in the cache).
const pageIndexes = new WeakMap<readonly StorySummary[], Map<string, number>>();

function pageIndex(stories: readonly StorySummary[]): Map<string, number> {
  let index = pageIndexes.get(stories);
  if (!index) {
    index = new Map();
    for (let i = 0; i < stories.length; i++) index.set(stories[i]!.id, i);
    pageIndexes.set(stories, index);
  }
  return index;
}

const EMPTY_VIEW: StoryListView = { length: 0, at: () => undefined, indexOf: () => -1 };

/** A view over the pages: O(pages) to build, O(log pages) per access. */
export function createListView(data: { pages: readonly StoryPage[] } | undefined): StoryListView {
  if (!data || data.pages.length === 0) return EMPTY_VIEW;
  const pages = data.pages;
  const offsets: number[] = [];
  let total = 0;
  for (const page of pages) {
    offsets.push(total);
    total += page.stories.length;
  }
  const pageOf = (index: number): number => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    length: total,
    at: (index) => {
      if (index < 0 || index >= total) return undefined;
      const p = pageOf(index);
      return pages[p]!.stories[index - offsets[p]!];
    },
    indexOf: (id) => {
      for (let p = 0; p < pages.length; p++) {
        const i = pageIndex(pages[p]!.stories).get(id);
        if (i !== undefined) return offsets[p]! + i;
      }
      return -1;
    },
  };
}

/** Where a new story goes: before the first story received at or before it (the list is newest first). */
function insertionIndex(view: StoryListView, receivedAt: string): number {
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (view.at(mid)!.receivedAt > receivedAt) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface PageEdit {
  replace: Map<number, StorySummary>;
  insert: { at: number; story: StorySummary }[];
  remove: Set<number>;
}

function editFor(edits: Map<number, PageEdit>, page: number): PageEdit {
  let edit = edits.get(page);
  if (!edit) {
    edit = { replace: new Map(), insert: [], remove: new Set() };
    edits.set(page, edit);
  }
  return edit;
}

function applyEdits(data: StoryListData, edits: Map<number, PageEdit>): StoryListData {
  if (edits.size === 0) return data;
  const pages = data.pages.map((page, p) => {
    const edit = edits.get(p);
    if (!edit) return page;
    // Same index: newer first (inserts were sorted newest first before being placed).
    const inserts = edit.insert.sort((a, b) => a.at - b.at);
    const next: StorySummary[] = [];
    let k = 0;
    page.stories.forEach((story, i) => {
      while (k < inserts.length && inserts[k]!.at === i) next.push(inserts[k++]!.story);
      if (!edit.remove.has(i)) next.push(edit.replace.get(i) ?? story);
    });
    while (k < inserts.length) next.push(inserts[k++]!.story);
    return { ...page, stories: next };
  });
  return { ...data, pages };
}

function locate(data: StoryListData, index: number): { page: number; local: number } {
  let start = 0;
  for (let p = 0; p < data.pages.length; p++) {
    const length = data.pages[p]!.stories.length;
    if (index < start + length || p === data.pages.length - 1) return { page: p, local: index - start };
    start += length;
  }
  return { page: 0, local: 0 };
}

/**
 * Applies a batch of pushed stories to a list by seq: a story the list holds is replaced in place when
 * the pushed one is newer (its highlight and read state kept); one it does not hold joins at its place
 * in the newest-first order when `accepts` says so, unless it is older than every loaded story while
 * more pages remain (paging will bring it). Every story stays in the list at most once.
 * Only the pages that change are copied.
 */
export function applyStoryUpserts(data: StoryListData, stories: readonly StorySummary[], accepts: (story: StorySummary) => boolean): StoryListData {
  if (data.pages.length === 0 || stories.length === 0) return data;
  const latest = new Map<string, StorySummary>();
  for (const story of stories) {
    const seen = latest.get(story.id);
    if (!seen || seen.seq < story.seq) latest.set(story.id, story);
  }
  const view = createListView(data);
  const edits = new Map<number, PageEdit>();
  const arrivals: StorySummary[] = [];
  for (const story of latest.values()) {
    const index = view.indexOf(story.id);
    if (index < 0) {
      if (accepts(story)) arrivals.push(story);
      continue;
    }
    const current = view.at(index)!;
    if (current.seq >= story.seq) continue; // an echo or an older event: harmless
    const { page, local } = locate(data, index);
    editFor(edits, page).replace.set(local, { ...story, highlight: current.highlight, isRead: current.isRead });
  }
  const hasMore = Boolean(data.pages[data.pages.length - 1]!.nextCursor);
  // Newest first; stories of one delivery share receivedAt, and the later-created (higher seq) comes first.
  arrivals.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : b.seq - a.seq));
  const onTop: StorySummary[] = [];
  for (const story of arrivals) {
    const at = insertionIndex(view, story.receivedAt);
    if (at === view.length && hasMore && view.length > 0) continue;
    if (at === 0) {
      onTop.push(story);
      continue;
    }
    const { page, local } = locate(data, at);
    editFor(edits, page).insert.push({ at: Math.min(local, data.pages[page]!.stories.length), story });
  }
  return withHead(applyEdits(data, edits), onTop);
}

/** The top page takes arrivals until it holds this many; then a new top page starts. */
export const HEAD_PAGE_LIMIT = 500;

/**
 * Puts arrivals (newest first) on top. The top page grows only to HEAD_PAGE_LIMIT: then a new page
 * starts above it, so a long session's arrivals never make one page (and its index) huge. A refetch
 * is unaffected: it starts from the first page param and follows each fetched page's cursor.
 */
function withHead(data: StoryListData, onTop: readonly StorySummary[]): StoryListData {
  if (onTop.length === 0) return data;
  const [head, ...rest] = data.pages;
  if (head && head.stories.length + onTop.length <= HEAD_PAGE_LIMIT) {
    return { ...data, pages: [{ ...head, stories: [...onTop, ...head.stories] }, ...rest] };
  }
  const top = { stories: [...onTop], nextCursor: null, seq: head?.seq ?? 0 };
  return { pages: [top, ...data.pages], pageParams: [data.pageParams[0] ?? "", ...data.pageParams] };
}

/** The list without the given stories (only the pages holding them are copied). */
export function removeStories(data: StoryListData, ids: ReadonlySet<string>): StoryListData {
  const edits = new Map<number, PageEdit>();
  data.pages.forEach((page, p) => {
    const index = pageIndex(page.stories);
    for (const id of ids) {
      const i = index.get(id);
      if (i !== undefined) editFor(edits, p).remove.add(i);
    }
  });
  return applyEdits(data, edits);
}

/** The list with `change` applied to the given stories (e.g. marking them read). */
export function patchStories(data: StoryListData, ids: ReadonlySet<string>, change: (story: StorySummary) => StorySummary): StoryListData {
  const edits = new Map<number, PageEdit>();
  data.pages.forEach((page, p) => {
    const index = pageIndex(page.stories);
    for (const id of ids) {
      const i = index.get(id);
      if (i === undefined) continue;
      const next = change(page.stories[i]!);
      if (next !== page.stories[i]) editFor(edits, p).replace.set(i, next);
    }
  });
  return applyEdits(data, edits);
}
