DROP INDEX "cases_queue_department_idx";--> statement-breakpoint
DROP INDEX "cases_queue_region_idx";--> statement-breakpoint
DROP INDEX "cases_queue_idx";--> statement-breakpoint
CREATE INDEX "cases_queue_department_idx" ON "cases" USING btree ("department_id",("clock_state" = 'stopped'),"committed_due","id") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_queue_region_idx" ON "cases" USING btree ("region_code" text_pattern_ops,("clock_state" = 'stopped'),"committed_due","id") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree (("clock_state" = 'stopped'),"committed_due","id") WHERE "cases"."open";