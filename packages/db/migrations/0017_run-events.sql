CREATE TABLE "run_events" (
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"trip_request_id" uuid NOT NULL,
	"stop" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"reasons_version" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"plan_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_events_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_trip_request_id_trip_requests_id_fk" FOREIGN KEY ("trip_request_id") REFERENCES "public"."trip_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_events_org_day_idx" ON "run_events" USING btree ("organisation_id","service_date");