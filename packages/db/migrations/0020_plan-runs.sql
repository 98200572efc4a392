CREATE TABLE "plan_runs" (
	"plan_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "plan_runs_pkey" PRIMARY KEY("plan_id","run_id")
);
--> statement-breakpoint
-- Every run stored so far belongs to the plan that made it, and to that plan only.
INSERT INTO "plan_runs" ("plan_id", "run_id", "organisation_id") SELECT "plan_id", "id", "organisation_id" FROM "runs";--> statement-breakpoint
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_runs_run_idx" ON "plan_runs" USING btree ("run_id");