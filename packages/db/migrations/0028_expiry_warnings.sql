CREATE TABLE "compliance_warnings_sent" (
	"document_id" uuid NOT NULL,
	"threshold" integer NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer,
	CONSTRAINT "compliance_warnings_sent_document_id_threshold_pk" PRIMARY KEY("document_id","threshold")
);
--> statement-breakpoint
ALTER TABLE "compliance_warnings_sent" ADD CONSTRAINT "compliance_warnings_sent_document_id_compliance_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."compliance_documents"("id") ON DELETE cascade ON UPDATE no action;