import { useSyncExternalStore } from "react";

/** The phone layout: each queue line becomes two (its facts, then the headline across the screen). Same as Tailwind's `max-sm`. */
export const PHONE_QUERY = "(width < 40rem)";
/** Height of one queue line in pixels on a wide screen and on a phone (the virtualizer relies on it being fixed). */
export const WIDE_ROW_HEIGHT = 22;
export const PHONE_ROW_HEIGHT = 42;

function phoneMedia(): MediaQueryList | null {
  return typeof window === "undefined" ? null : window.matchMedia(PHONE_QUERY);
}

/** The height of a queue line at the current screen width. */
export function currentRowHeight(): number {
  return phoneMedia()?.matches ? PHONE_ROW_HEIGHT : WIDE_ROW_HEIGHT;
}

function subscribe(onChange: () => void): () => void {
  const media = phoneMedia();
  media?.addEventListener("change", onChange);
  return () => media?.removeEventListener("change", onChange);
}

/** The height of a queue line, re-rendering when the screen crosses into or out of the phone layout. */
export function useRowHeight(): number {
  return useSyncExternalStore(subscribe, currentRowHeight, () => WIDE_ROW_HEIGHT);
}
