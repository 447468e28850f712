CREATE TABLE "metric_rollups_6h" (
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
	CONSTRAINT "metric_rollups_6h_pkey" PRIMARY KEY("metric_type","endpoint","bucket_start")
);
--> statement-breakpoint
CREATE INDEX "metric_rollups_6h_bucket_idx" ON "metric_rollups_6h" USING btree ("bucket_start");