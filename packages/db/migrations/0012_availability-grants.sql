CREATE TABLE "availability_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"grantee_id" uuid NOT NULL,
	"vehicle_ids" uuid[] NOT NULL,
	"weekdays" text[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"grantee_operator_id" uuid,
	"funder_ids" uuid[] NOT NULL,
	"fixed_cost_pence" bigint,
	"cost_per_km_pence" bigint,
	"cost_per_hour_pence" bigint,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "availability_grants" ADD CONSTRAINT "availability_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_grants" ADD CONSTRAINT "availability_grants_grantee_id_organisations_id_fk" FOREIGN KEY ("grantee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_grants" ADD CONSTRAINT "availability_grants_grantee_operator_id_operators_id_fk" FOREIGN KEY ("grantee_operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_grants_org_idx" ON "availability_grants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "availability_grants_grantee_idx" ON "availability_grants" USING btree ("grantee_id");