CREATE TABLE "guide_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_inspection_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"matter_count" integer DEFAULT 0 NOT NULL,
	"finding_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guides" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"process" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"hours" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"complaint_phone" text DEFAULT '' NOT NULL,
	"online_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"basic_code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"on_the_spot" boolean DEFAULT false NOT NULL,
	"statutory_limit_days" integer NOT NULL,
	"committed_limit_days" integer NOT NULL,
	"max_extension_days" integer DEFAULT 0 NOT NULL,
	"visits" integer DEFAULT 1 NOT NULL,
	"online_depth" integer DEFAULT 1 NOT NULL,
	"stages" jsonb NOT NULL,
	"special_procedures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_handling_minutes" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matters_code_unique" UNIQUE("code"),
	CONSTRAINT "matters_limits_chk" CHECK ("matters"."statutory_limit_days" >= 0 and "matters"."committed_limit_days" >= 0),
	CONSTRAINT "matters_depth_chk" CHECK ("matters"."online_depth" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "case_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"grade" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"real_name" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"flag_id" uuid,
	"return_visit_at" timestamp with time zone,
	"return_visit_by" text,
	"return_visit_note" text,
	CONSTRAINT "case_evaluations_grade_chk" CHECK ("case_evaluations"."grade" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_flag_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_id" uuid NOT NULL,
	"action" text NOT NULL,
	"kind" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"due_on" date,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"matter_id" uuid NOT NULL,
	"matter_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_masked" text,
	"applicant_phone_enc" text,
	"applicant_department_id" uuid,
	"query_password_hash" text,
	"visits" smallint DEFAULT 0 NOT NULL,
	"source" text DEFAULT 'live' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"result" text,
	"clock_inputs" jsonb NOT NULL,
	"committed_limit_days" integer NOT NULL,
	"statutory_limit_days" integer NOT NULL,
	"clock_state" text DEFAULT 'not_started' NOT NULL,
	"committed_due" date,
	"committed_warn_on" date,
	"statutory_due" date,
	"statutory_warn_on" date,
	"used_days" integer DEFAULT 0 NOT NULL,
	"calendar_version" integer,
	"open_flags" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_case_no_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"compared" integer DEFAULT 0 NOT NULL,
	"mismatches" integer DEFAULT 0 NOT NULL,
	"missing_upstream" integer DEFAULT 0 NOT NULL,
	"unknown_upstream" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "guide_findings" ADD CONSTRAINT "guide_findings_run_id_guide_inspection_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."guide_inspection_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_findings" ADD CONSTRAINT "guide_findings_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_findings" ADD CONSTRAINT "guide_findings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guides" ADD CONSTRAINT "guides_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD CONSTRAINT "case_evaluations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD CONSTRAINT "case_evaluations_flag_id_case_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."case_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flag_actions" ADD CONSTRAINT "case_flag_actions_flag_id_case_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."case_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outbox" ADD CONSTRAINT "case_outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_applicant_department_id_departments_id_fk" FOREIGN KEY ("applicant_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_findings_run_idx" ON "guide_findings" USING btree ("run_id","department_id");--> statement-breakpoint
CREATE INDEX "matters_department_idx" ON "matters" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "matters_type_idx" ON "matters" USING btree ("type");--> statement-breakpoint
CREATE UNIQUE INDEX "case_evaluations_stage_uq" ON "case_evaluations" USING btree ("case_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq_uq" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_idem_uq" ON "case_events" USING btree ("case_id","idempotency_key") WHERE "case_events"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_flag_actions_flag_idx" ON "case_flag_actions" USING btree ("flag_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_flags_live_uq" ON "case_flags" USING btree ("case_id","type") WHERE "case_flags"."status" in ('open','explained');--> statement-breakpoint
CREATE INDEX "case_flags_status_idx" ON "case_flags" USING btree ("status","department_id");--> statement-breakpoint
CREATE INDEX "case_flags_case_idx" ON "case_flags" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_outbox_pending_idx" ON "case_outbox" USING btree ("next_attempt_at","id") WHERE "case_outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "case_outbox_case_idx" ON "case_outbox" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "cases_queue_department_idx" ON "cases" USING btree ("department_id","committed_due","id") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_queue_region_idx" ON "cases" USING btree ("region_code" text_pattern_ops,"committed_due","id") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_open_idx" ON "cases" USING btree ("id") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_matter_idx" ON "cases" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "cases_submitted_idx" ON "cases" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "cases_department_submitted_idx" ON "cases" USING btree ("department_id","submitted_at");--> statement-breakpoint
-- A case's events are its history: the application appends and never rewrites (as audit_log).
CREATE OR REPLACE FUNCTION case_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON "case_events"
  FOR EACH ROW EXECUTE FUNCTION case_events_refuse_change();
--> statement-breakpoint
-- The running part of live case numbers (申办流水号); see cases.service.ts caseNumber.
CREATE SEQUENCE IF NOT EXISTS case_no_seq;
