CREATE TABLE "trip_cancellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"trip_request_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"reason" text NOT NULL,
	"reasons_version" text NOT NULL,
	"cancelled_by" uuid,
	"plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trip_cancellations" ADD CONSTRAINT "trip_cancellations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_cancellations" ADD CONSTRAINT "trip_cancellations_trip_request_id_trip_requests_id_fk" FOREIGN KEY ("trip_request_id") REFERENCES "public"."trip_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_cancellations" ADD CONSTRAINT "trip_cancellations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trip_cancellations_trip_day_key" ON "trip_cancellations" USING btree ("trip_request_id","service_date");--> statement-breakpoint
CREATE INDEX "trip_cancellations_org_day_idx" ON "trip_cancellations" USING btree ("organisation_id","service_date");