"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { UserDto, UserSettings, UserSettingsPatch } from "@/server/contract/auth";
import { fetchJson } from "../api/fetch-json";
import { playAlertTone, unlockAudio } from "../alerts/beep";
import { notificationPermission, requestNotificationPermission } from "../alerts/desktop-notification";
import { meQuery } from "../auth/queries";
import { Popover } from "../ui/popover";

/** The user's alert settings for FLASH and BULLETIN stories: a sound, desktop notifications. */
export function SettingsMenu({ settings }: { settings: UserSettings }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const apply = (change: UserSettingsPatch) => queryClient.setQueryData<UserDto>(meQuery.queryKey, (me) => (me ? { ...me, settings: { ...me.settings, ...change } } : me));
  const save = async (patch: UserSettingsPatch) => {
    setMessage(null);
    const before = settings;
    apply(patch); // at once; undone if the server refuses
    try {
      apply(await fetchJson<UserSettings>("/api/auth/settings", { method: "PATCH", json: patch }));
    } catch (error) {
      apply(before);
      setMessage(error instanceof Error ? error.message : "Could not save the setting.");
    }
  };
  const toggleNotifications = async (isOn: boolean) => {
    if (isOn && !(await requestNotificationPermission())) {
      setMessage(notificationPermission() === "unsupported" ? "This browser cannot show notifications." : "The browser blocked notifications; allow them in its site settings, then try again.");
      return;
    }
    await save({ desktopNotifications: isOn });
  };
  return (
    <Popover label="Settings" align="right" buttonText="Settings">
      {() => (
        <div className="flex w-64 flex-col gap-2">
          <p className="font-semibold">Alerts for FLASH and BULLETIN</p>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.sound}
              onChange={(e) => {
                unlockAudio();
                void save({ sound: e.target.checked });
              }}
            />
            Play a sound
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={settings.desktopNotifications} onChange={(e) => void toggleNotifications(e.target.checked)} />
            Desktop notifications
          </label>
          {settings.desktopNotifications && notificationPermission() === "default" ? (
            <button type="button" onClick={() => void toggleNotifications(true)} className="self-start rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600">
              Allow notifications in this browser
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => {
              unlockAudio();
              playAlertTone(true);
            }}
            className="self-start rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600"
          >
            Test the sound
          </button>
          {message ? (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {message}
            </p>
          ) : null}
        </div>
      )}
    </Popover>
  );
}
