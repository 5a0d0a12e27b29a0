import { createContext, useContext } from "react";

/** The desk's time zone (from `/api/auth/me`); undefined uses the browser's own. */
export const DeskTimeZoneContext = createContext<string | undefined>(undefined);

/** The time zone the desk shows clock times in. */
export function useDeskTimeZone(): string | undefined {
  return useContext(DeskTimeZoneContext);
}
