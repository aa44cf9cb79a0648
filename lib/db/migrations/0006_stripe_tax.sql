ALTER TABLE "checkouts" ADD COLUMN "automatic_tax" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "amount_tax" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_behavior" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Every stored quote says what Stripe charged in tax (null: the session has no Stripe Tax), so no reader needs a fallback.
UPDATE "checkouts" SET "quote" = "quote" || '{"tax": null}'::jsonb WHERE NOT ("quote" ? 'tax');
