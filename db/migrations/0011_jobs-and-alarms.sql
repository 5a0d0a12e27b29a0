-- Housekeeping jobs take a lease before running, so one node runs each job at a time (a Redis lock can take this table's place).
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text,
	`expires_at` integer DEFAULT 0 NOT NULL,
	`last_run_at` text,
	`last_result` text
);
--> statement-breakpoint
-- How long a wire source may stay silent before the desk raises an alarm, when an admin sets it (otherwise learned from its rhythm).
CREATE TABLE `source_alarm_settings` (
	`source` text PRIMARY KEY NOT NULL,
	`silent_after_minutes` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_received_idx` ON `deliveries` (`received_at`);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);
--> statement-breakpoint
CREATE INDEX `changes_at_idx` ON `changes` (`at`);
