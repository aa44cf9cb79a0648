ALTER TABLE "discount_redemptions" ADD COLUMN "over_redeemed_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method_name" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "record_mismatch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mismatch_reason" text;