CREATE TABLE "monitor_check_hours" (
	"monitor_id" uuid NOT NULL,
	"hour_start" timestamp with time zone NOT NULL,
	"checks" integer NOT NULL,
	"ok" integer NOT NULL,
	CONSTRAINT "monitor_check_hours_monitor_id_hour_start_pk" PRIMARY KEY("monitor_id","hour_start"),
	CONSTRAINT "monitor_check_hours_counts_check" CHECK ("monitor_check_hours"."ok" >= 0 and "monitor_check_hours"."ok" <= "monitor_check_hours"."checks")
);
--> statement-breakpoint
ALTER TABLE "monitor_check_hours" ADD CONSTRAINT "monitor_check_hours_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_check_hours_hour_idx" ON "monitor_check_hours" USING btree ("hour_start");--> statement-breakpoint
-- Count the checks kept so far; from here on the statement that writes a check adds it
-- (lib/monitors/checks.ts, same hour expression: UTC hours).
INSERT INTO "monitor_check_hours" ("monitor_id", "hour_start", "checks", "ok")
SELECT "monitor_id", date_bin('1 hour', "checked_at", timestamptz '2000-01-01 00:00:00+00'), count(*), count(*) FILTER (WHERE "status" IN ('up', 'degraded'))
FROM "monitor_checks" GROUP BY 1, 2;
