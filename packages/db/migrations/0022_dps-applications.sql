CREATE TABLE "dps_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"categories" text[] NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dps_applications" ADD CONSTRAINT "dps_applications_operator_id_organisations_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dps_applications" ADD CONSTRAINT "dps_applications_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dps_applications_open_idx" ON "dps_applications" USING btree ("operator_id","buyer_id") WHERE "dps_applications"."status" in ('applied', 'admitted', 'suspended');--> statement-breakpoint
CREATE INDEX "dps_applications_buyer_idx" ON "dps_applications" USING btree ("buyer_id","status");