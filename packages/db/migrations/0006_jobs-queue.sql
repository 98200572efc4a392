ALTER TABLE "jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "jobs_status_created_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
UPDATE "jobs" SET "status" = 'failed', "error" = '{"code":"interrupted","message":"interrupted: the server was upgraded while this job was waiting or running"}'::jsonb, "finished_at" = now() WHERE "status" IN ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_one_running_per_organisation" ON "jobs" USING btree ("organisation_id") WHERE "jobs"."status" = 'running';