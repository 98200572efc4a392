CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"trip_request_id" uuid NOT NULL,
	"date" date NOT NULL,
	"trip" jsonb NOT NULL,
	"passenger_class" text NOT NULL,
	"contract_id" uuid,
	"rate_pence" integer NOT NULL,
	"rate_version" text NOT NULL,
	"rate_source" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"completed_on" date,
	"mile_tenths" integer,
	"driver_staff_id" uuid,
	"vehicle_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"dispute_reason" text,
	"disputed_at" timestamp with time zone,
	"disputed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD COLUMN "passenger_classes" text[];--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_live_trip_idx" ON "commissions" USING btree ("buyer_id","trip_request_id","date") WHERE "commissions"."status" in ('offered', 'accepted', 'completed', 'disputed');--> statement-breakpoint
CREATE INDEX "commissions_buyer_idx" ON "commissions" USING btree ("buyer_id","date");--> statement-breakpoint
CREATE INDEX "commissions_group_idx" ON "commissions" USING btree ("group_id","date");