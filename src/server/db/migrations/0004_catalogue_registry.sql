CREATE TABLE "system_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"other_system_id" uuid,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "system_usage" (
	"system_id" uuid NOT NULL,
	"day" date NOT NULL,
	"signal" text NOT NULL,
	"count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "system_usage_system_id_signal_day_pk" PRIMARY KEY("system_id","signal","day"),
	CONSTRAINT "system_usage_count_chk" CHECK ("system_usage"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"operator" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"vertical_line" text,
	"level" text NOT NULL,
	"deployment" text NOT NULL,
	"security_level" integer NOT NULL,
	"status" text NOT NULL,
	"launch_date" date,
	"budget" numeric(14, 2),
	"user_count" integer,
	"interfaces" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "systems_code_unique" UNIQUE("code"),
	CONSTRAINT "systems_security_level_chk" CHECK ("systems"."security_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "dataset_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dataset_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dataset_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"dataset_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "dataset_versions_dataset_id_version_pk" PRIMARY KEY("dataset_id","version")
);
--> statement-breakpoint
CREATE TABLE "dataset_views" (
	"dataset_id" uuid NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "dataset_views_dataset_id_day_pk" PRIMARY KEY("dataset_id","day")
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"category" text NOT NULL,
	"base_resource" text,
	"theme" text,
	"department_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"source_system_id" uuid,
	"format" text NOT NULL,
	"format_detail" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_level" text DEFAULT 'L1' NOT NULL,
	"sharing_type" text NOT NULL,
	"sharing_conditions" text,
	"sharing_method" text,
	"open_type" text NOT NULL,
	"open_conditions" text,
	"update_frequency" text NOT NULL,
	"release_date" date,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"search_vector" "tsvector" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "datasets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "system_consumed_datasets" (
	"system_id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	CONSTRAINT "system_consumed_datasets_system_id_dataset_id_pk" PRIMARY KEY("system_id","dataset_id")
);
--> statement-breakpoint
CREATE TABLE "census_items" (
	"round_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	CONSTRAINT "census_items_round_id_entity_type_entity_id_pk" PRIMARY KEY("round_id","entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "census_returns" (
	"round_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"note" text,
	CONSTRAINT "census_returns_round_id_department_id_pk" PRIMARY KEY("round_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "census_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"working_days" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"closed_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "system_flags" ADD CONSTRAINT "system_flags_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_flags" ADD CONSTRAINT "system_flags_other_system_id_systems_id_fk" FOREIGN KEY ("other_system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_usage" ADD CONSTRAINT "system_usage_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_reviews" ADD CONSTRAINT "dataset_reviews_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_views" ADD CONSTRAINT "dataset_views_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_source_system_id_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."systems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_consumed_datasets" ADD CONSTRAINT "system_consumed_datasets_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_consumed_datasets" ADD CONSTRAINT "system_consumed_datasets_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_items" ADD CONSTRAINT "census_items_round_id_census_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."census_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_items" ADD CONSTRAINT "census_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_returns" ADD CONSTRAINT "census_returns_round_id_census_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."census_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_returns" ADD CONSTRAINT "census_returns_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "system_flags_system_idx" ON "system_flags" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "system_flags_live_uq" ON "system_flags" USING btree ("system_id","kind",coalesce("other_system_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "system_flags"."status" in ('open','confirmed');--> statement-breakpoint
CREATE INDEX "systems_department_idx" ON "systems" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "systems_region_idx" ON "systems" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "systems_status_idx" ON "systems" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dataset_reviews_dataset_idx" ON "dataset_reviews" USING btree ("dataset_id","at");--> statement-breakpoint
CREATE INDEX "datasets_search_idx" ON "datasets" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "datasets_department_idx" ON "datasets" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "datasets_region_idx" ON "datasets" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "datasets_status_idx" ON "datasets" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "datasets_source_system_idx" ON "datasets" USING btree ("source_system_id");--> statement-breakpoint
CREATE INDEX "scd_dataset_idx" ON "system_consumed_datasets" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "census_items_dept_idx" ON "census_items" USING btree ("round_id","department_id");--> statement-breakpoint
CREATE INDEX "inbox_user_idx" ON "inbox_messages" USING btree ("user_id","created_at");