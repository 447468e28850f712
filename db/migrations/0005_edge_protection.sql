CREATE TABLE "api_key_quota_usage" (
	"api_key_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"used" bigint DEFAULT 0 NOT NULL,
	"warned_at" timestamp with time zone,
	CONSTRAINT "api_key_quota_usage_api_key_id_period_start_pk" PRIMARY KEY("api_key_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "api_key_quotas" (
	"api_key_id" uuid PRIMARY KEY NOT NULL,
	"monthly_limit" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cache_tags" (
	"tag" text NOT NULL,
	"cache_key" text NOT NULL,
	CONSTRAINT "cache_tags_tag_cache_key_pk" PRIMARY KEY("tag","cache_key")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"policy_group" text DEFAULT '*' NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"limit_override" integer,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "rate_limit_overrides_subject_check" CHECK ("rate_limit_overrides"."subject_type" in ('user', 'api_key', 'ip')),
	CONSTRAINT "rate_limit_overrides_shape_check" CHECK ("rate_limit_overrides"."blocked" or "rate_limit_overrides"."limit_override" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limit_state" (
	"key" text PRIMARY KEY NOT NULL,
	"tat_ms" double precision NOT NULL,
	"allowed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "throttle_state" (
	"policy_group" text PRIMARY KEY NOT NULL,
	"factor" real DEFAULT 1 NOT NULL,
	"reason" text,
	"error_rate" real,
	"p95_ms" real,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"healthy_runs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_key_quota_usage" ADD CONSTRAINT "api_key_quota_usage_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key_quotas" ADD CONSTRAINT "api_key_quotas_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_limit_overrides" ADD CONSTRAINT "rate_limit_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cache_tags_cache_key_idx" ON "cache_tags" USING btree ("cache_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_limit_overrides_subject_key" ON "rate_limit_overrides" USING btree ("subject_type","subject_id","policy_group");--> statement-breakpoint
CREATE INDEX "rate_limit_state_tat_idx" ON "rate_limit_state" USING btree ("tat_ms");