"use client";

import { useEffect, useRef } from "react";
import type { UserSettings } from "@/server/contract/auth";
import { useRealtimeServices } from "../realtime/socket-provider";
import { isAlertUrgency, urgencyStyle } from "../stories/urgency";
import { playAlertTone } from "./beep";
import { showDesktopNotification } from "./desktop-notification";

/**
 * FLASH and BULLETIN stories are impossible to miss: a tone and a desktop notification (each when
 * the user turned it on) for every new one that arrives after the page loaded, including the ones
 * replayed after a disconnect, once each.
 */
export function useFlashAlerts(settings: UserSettings | undefined, onOpen: (id: string) => void): void {
  const { subscribeStories, cursor } = useRealtimeServices();
  const alerted = useRef(new Set<string>());
  const latest = useRef({ settings, onOpen });
  latest.current = { settings, onOpen };

  useEffect(
    () =>
      subscribeStories((events) => {
        const since = cursor.initialSeq ?? Infinity;
        const fresh = events.filter((e) => e.story.rev === 1 && e.seq > since && isAlertUrgency(e.story.urgency) && e.story.state === "incoming" && !alerted.current.has(e.story.id));
        if (fresh.length === 0) return;
        for (const e of fresh) alerted.current.add(e.story.id);
        const { settings: current, onOpen: open } = latest.current;
        if (current?.sound) playAlertTone(fresh.some((e) => e.story.urgency <= 1));
        if (!current?.desktopNotifications) return;
        for (const { story } of fresh.slice(0, 3)) {
          showDesktopNotification(`${urgencyStyle(story.urgency).label}: ${story.headline}`, [story.agency, story.slugline].filter(Boolean).join(" · "), story.id, () => open(story.id));
        }
      }),
    [subscribeStories, cursor],
  );
}
