DROP INDEX "analytics_events_user_name_time_idx";--> statement-breakpoint
CREATE INDEX "analytics_events_name_user_time_idx" ON "analytics_events" USING btree ("name","user_id","occurred_at");