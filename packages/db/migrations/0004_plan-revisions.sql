ALTER TABLE "plans" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "revised_from" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_revised_from_plans_id_fk" FOREIGN KEY ("revised_from") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_revised_from_key" ON "plans" USING btree ("revised_from");