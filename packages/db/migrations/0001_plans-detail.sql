ALTER TABLE "plans" ADD COLUMN "problem" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "layout" integer DEFAULT 0 NOT NULL;