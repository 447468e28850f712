CREATE TABLE "analytics_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"user_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_aggregator_state" (
	"id" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_active" (
	"day" date PRIMARY KEY NOT NULL,
	"dau" integer NOT NULL,
	"wau" integer NOT NULL,
	"mau" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_ai" (
	"day" date NOT NULL,
	"model" text NOT NULL,
	"requests" integer NOT NULL,
	"errors" integer NOT NULL,
	"cache_hits" integer NOT NULL,
	"prompt_tokens" bigint NOT NULL,
	"completion_tokens" bigint NOT NULL,
	"cached_prompt_tokens" bigint NOT NULL,
	"cached_completion_tokens" bigint NOT NULL,
	"latency_sum_ms" double precision NOT NULL,
	"latency_p50_ms" double precision,
	"latency_p95_ms" double precision,
	"feedback_count" integer NOT NULL,
	"correct_count" integer NOT NULL,
	"rating_sum" integer NOT NULL,
	"rating_count" integer NOT NULL,
	CONSTRAINT "analytics_daily_ai_pkey" PRIMARY KEY("day","model")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_mrr" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"new_minor" bigint NOT NULL,
	"expansion_minor" bigint NOT NULL,
	"contraction_minor" bigint NOT NULL,
	"churned_minor" bigint NOT NULL,
	CONSTRAINT "analytics_daily_mrr_pkey" PRIMARY KEY("day","currency")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_plugins" (
	"day" date NOT NULL,
	"plugin_id" text NOT NULL,
	"installs" integer NOT NULL,
	"uninstalls" integer NOT NULL,
	"uses" integer NOT NULL,
	"users" integer NOT NULL,
	CONSTRAINT "analytics_daily_plugins_pkey" PRIMARY KEY("day","plugin_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_revenue" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"payments" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"failed_payments" integer NOT NULL,
	CONSTRAINT "analytics_daily_revenue_pkey" PRIMARY KEY("day","currency")
);
--> statement-breakpoint
CREATE TABLE "analytics_user_days" (
	"day" date NOT NULL,
	"user_id" text NOT NULL,
	"events" integer NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "analytics_user_days_pkey" PRIMARY KEY("day","user_id")
);
--> statement-breakpoint
CREATE TABLE "churn_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"auc" double precision NOT NULL,
	"baseline_auc" double precision NOT NULL,
	"train_size" integer NOT NULL,
	"test_size" integer NOT NULL,
	"model" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "churn_predictions" (
	"model_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"probability" double precision NOT NULL,
	"contributions" jsonb NOT NULL,
	CONSTRAINT "churn_predictions_pkey" PRIMARY KEY("model_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"day" date NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_pkey" PRIMARY KEY("day","base","quote"),
	CONSTRAINT "exchange_rates_rate_positive" CHECK ("exchange_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "funnels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"window_hours" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"model" text PRIMARY KEY NOT NULL,
	"prompt_per_1k_usd" numeric(14, 8) NOT NULL,
	"completion_per_1k_usd" numeric(14, 8) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_prices_non_negative" CHECK ("model_prices"."prompt_per_1k_usd" >= 0 and "model_prices"."completion_per_1k_usd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "display_currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "churn_predictions" ADD CONSTRAINT "churn_predictions_model_id_churn_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."churn_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_events_occurred_brin" ON "analytics_events" USING brin ("occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_received_brin" ON "analytics_events" USING brin ("received_at");--> statement-breakpoint
CREATE INDEX "analytics_events_name_time_idx" ON "analytics_events" USING btree ("name","occurred_at","user_id");--> statement-breakpoint
CREATE INDEX "analytics_events_user_time_idx" ON "analytics_events" USING btree ("user_id","occurred_at");