CREATE TABLE "sign_in_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_known_addresses" (
	"user_id" uuid NOT NULL,
	"address_hash" text NOT NULL,
	"last_signed_in_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_known_addresses_user_id_address_hash_pk" PRIMARY KEY("user_id","address_hash")
);
--> statement-breakpoint
ALTER TABLE "budgets" ALTER COLUMN "amount_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "vehicles" ALTER COLUMN "fixed_cost_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "vehicles" ALTER COLUMN "cost_per_km_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "vehicles" ALTER COLUMN "cost_per_hour_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "cost_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "sign_in_known_addresses" ADD CONSTRAINT "sign_in_known_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_failures_window_idx" ON "sign_in_failures" USING btree ("window_started_at");