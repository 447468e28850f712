CREATE TABLE "metric_rollups_1h" (
	"metric_type" text NOT NULL,
	"endpoint" text DEFAULT '' NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"count" bigint NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"p50" double precision,
	"p95" double precision,
	"p99" double precision,
	"histogram" jsonb,
	"metadata" jsonb,
	CONSTRAINT "metric_rollups_1h_pkey" PRIMARY KEY("metric_type","endpoint","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "metric_rollups_1m" (
	"metric_type" text NOT NULL,
	"endpoint" text DEFAULT '' NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"count" bigint NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"p50" double precision,
	"p95" double precision,
	"p99" double precision,
	"histogram" jsonb,
	"metadata" jsonb,
	CONSTRAINT "metric_rollups_1m_pkey" PRIMARY KEY("metric_type","endpoint","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"monitor_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"response_ms" integer,
	"http_status" integer,
	"error" text,
	CONSTRAINT "monitor_checks_status_check" CHECK ("monitor_checks"."status" in ('up', 'degraded', 'down'))
);
--> statement-breakpoint
CREATE TABLE "monitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"method" text DEFAULT 'GET' NOT NULL,
	"expected_status" integer DEFAULT 200 NOT NULL,
	"timeout_ms" integer DEFAULT 10000 NOT NULL,
	"interval_seconds" integer DEFAULT 60 NOT NULL,
	"degraded_after_ms" integer DEFAULT 2000 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_status" text,
	"last_response_ms" integer,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitors_method_check" CHECK ("monitors"."method" in ('GET', 'HEAD', 'POST')),
	CONSTRAINT "monitors_interval_check" CHECK ("monitors"."interval_seconds" >= 30),
	CONSTRAINT "monitors_timeout_check" CHECK ("monitors"."timeout_ms" between 100 and 60000),
	CONSTRAINT "monitors_last_status_check" CHECK ("monitors"."last_status" is null or "monitors"."last_status" in ('up', 'degraded', 'down'))
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "audit_anchors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_through_id" bigint NOT NULL,
	"anchor_hash" text NOT NULL,
	"removed_before" timestamp with time zone NOT NULL,
	"removed_count" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"up_to_id" bigint,
	"entries_checked" bigint NOT NULL,
	"ok" boolean NOT NULL,
	"broken_at_id" bigint,
	"detail" text,
	"trigger" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitors" ADD CONSTRAINT "monitors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_rollups_1h_bucket_idx" ON "metric_rollups_1h" USING btree ("bucket_start");--> statement-breakpoint
CREATE INDEX "metric_rollups_1m_bucket_idx" ON "metric_rollups_1m" USING btree ("bucket_start");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_created_at_idx" ON "api_keys" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "monitor_checks_monitor_time_idx" ON "monitor_checks" USING btree ("monitor_id","checked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "monitor_checks_checked_at_idx" ON "monitor_checks" USING btree ("checked_at");--> statement-breakpoint
CREATE INDEX "monitors_due_idx" ON "monitors" USING btree ("is_active","next_check_at");--> statement-breakpoint
CREATE INDEX "audit_verifications_verified_at_idx" ON "audit_verifications" USING btree ("verified_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_outcome_idx" ON "audit_log" USING btree ("outcome","id" DESC NULLS LAST);