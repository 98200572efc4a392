CREATE TABLE "observed_taps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"card_key" text NOT NULL,
	"passenger_id" uuid,
	"stop" text NOT NULL,
	"minutes" integer NOT NULL,
	"import_id" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observed_taps" ADD CONSTRAINT "observed_taps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observed_taps" ADD CONSTRAINT "observed_taps_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observed_taps" ADD CONSTRAINT "observed_taps_passenger_id_passengers_id_fk" FOREIGN KEY ("passenger_id") REFERENCES "public"."passengers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observed_taps_tap_key" ON "observed_taps" USING btree ("organisation_id","service_date","vehicle_id","card_key","minutes");--> statement-breakpoint
CREATE INDEX "observed_taps_passenger_idx" ON "observed_taps" USING btree ("organisation_id","passenger_id");