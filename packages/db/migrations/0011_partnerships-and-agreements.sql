CREATE TABLE "partnership_members" (
	"partnership_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "partnership_members_partnership_id_member_id_pk" PRIMARY KEY("partnership_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"mixing_policy" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"partnership_id" uuid,
	"providers" uuid[] NOT NULL,
	"recipients" uuid[] NOT NULL,
	"purposes" text[] NOT NULL,
	"data_items" text[] NOT NULL,
	"lawful_basis" jsonb NOT NULL,
	"caldicott_approval" jsonb,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text NOT NULL,
	"purposes_version" integer NOT NULL,
	"approvals" jsonb NOT NULL,
	"pseudonym_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_organisation_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_member_id_organisations_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partnership_id_partnerships_organisation_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnership_members_member_idx" ON "partnership_members" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_agreements_reference_key" ON "sharing_agreements" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "sharing_agreements_status_idx" ON "sharing_agreements" USING btree ("status");