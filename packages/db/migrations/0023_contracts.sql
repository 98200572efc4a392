CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"funder_ids" uuid[] NOT NULL,
	"price_basis" text NOT NULL,
	"price_pence" integer,
	"vehicle_ids" uuid[] NOT NULL,
	"runs" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"break_dates" date[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"ended_on" date,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_operator_id_organisations_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_buyer_reference_idx" ON "contracts" USING btree ("buyer_id","reference");--> statement-breakpoint
CREATE INDEX "contracts_operator_idx" ON "contracts" USING btree ("operator_id","status");