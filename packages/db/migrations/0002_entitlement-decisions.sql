CREATE TABLE "entitlement_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"passenger_id" uuid,
	"regime" text NOT NULL,
	"category" text NOT NULL,
	"eligible" boolean NOT NULL,
	"decision" jsonb NOT NULL,
	"policy_version" text NOT NULL,
	"assessed_on" date NOT NULL,
	"review_date" date NOT NULL,
	"appeal_deadline" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entitlement_decisions" ADD CONSTRAINT "entitlement_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_decisions" ADD CONSTRAINT "entitlement_decisions_passenger_id_passengers_id_fk" FOREIGN KEY ("passenger_id") REFERENCES "public"."passengers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_decisions" ADD CONSTRAINT "entitlement_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entitlement_decisions_org_created_idx" ON "entitlement_decisions" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "entitlement_decisions_org_passenger_idx" ON "entitlement_decisions" USING btree ("organisation_id","passenger_id");