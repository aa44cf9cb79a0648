CREATE TABLE "holds" (
	"checkout_session_id" text NOT NULL,
	"shopper_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"quantity" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holds_checkout_session_id_kind_key_pk" PRIMARY KEY("checkout_session_id","kind","key"),
	CONSTRAINT "holds_quantity_positive" CHECK ("holds"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_checkout_session_id_checkouts_stripe_session_id_fk" FOREIGN KEY ("checkout_session_id") REFERENCES "public"."checkouts"("stripe_session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holds_kind_key_idx" ON "holds" USING btree ("kind","key");