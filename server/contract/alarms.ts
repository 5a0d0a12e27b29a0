import { z } from "zod";

/** What an alarm is about. */
export const ALARM_KINDS = ["source_silent", "ingest_backlog", "webhook_failing", "disk_low"] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** Something operations must look at now, shown to chiefs and admins on the desk. */
export interface AlarmDto {
  kind: AlarmKind;
  /** What it is about: the agency, the webhook's URL, the database folder; "ingest" for the backlog. */
  subject: string;
  message: string;
  /** When the condition began (ISO 8601). */
  since: string;
}

/** A wire source (agency) and how long it may be silent before an alarm. */
export interface SourceRhythmDto {
  source: string;
  lastArrivalAt: string | null;
  /** The threshold in force: the admin's, or learned from the source's own gaps; null: not enough arrivals to learn yet. */
  silentAfterMinutes: number | null;
  /** True when an admin set the threshold (0: never alarm). */
  isSetByAdmin: boolean;
}

/** `GET /api/alarms`. */
export interface AlarmsDto {
  alarms: AlarmDto[];
  sources: SourceRhythmDto[];
  checkedAt: string | null;
}

/** `PUT /api/alarms/sources/:source`: an admin's threshold in minutes (0 never alarms), or null to learn it again. */
export const SourceThresholdInputSchema = z.object({ silentAfterMinutes: z.number().int().min(0).max(7 * 24 * 60).nullable() }).strict();
export type SourceThresholdInput = z.infer<typeof SourceThresholdInputSchema>;
