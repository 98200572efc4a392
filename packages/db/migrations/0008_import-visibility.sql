CREATE TABLE "open_imports" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "import_rows" CASCADE;--> statement-breakpoint
ALTER TABLE "passengers" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "places" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "trip_requests" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "open_imports" ADD CONSTRAINT "open_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;