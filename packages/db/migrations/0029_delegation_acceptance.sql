DROP INDEX "delegations_consortium_year_idx";--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "status" text DEFAULT 'proposed' NOT NULL;--> statement-breakpoint
UPDATE "delegations" SET "status" = 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_accepted_year_idx" ON "delegations" USING btree ("consortium_id","financial_year") WHERE status = 'accepted';