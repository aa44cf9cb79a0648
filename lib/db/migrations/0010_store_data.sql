CREATE TABLE "store_add_ons" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"scope" text NOT NULL,
	"price" jsonb NOT NULL,
	"requires" jsonb NOT NULL,
	"tax_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"warranty_eligible" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_data_version_single_row" CHECK ("store_data_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "store_discount_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"active" boolean DEFAULT true NOT NULL,
	"rule" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_products" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"category_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"unit_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"image" text NOT NULL,
	"image_alt" text NOT NULL,
	"max_per_order" integer NOT NULL,
	"stock" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"tax_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"currency" text NOT NULL,
	"shipping_included_grams" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_settings_single_row" CHECK ("store_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "store_shipping_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"display_name" text NOT NULL,
	"free_above" jsonb,
	"delivers_to_po_boxes" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_shipping_rates" (
	"method_id" text NOT NULL,
	"region" text NOT NULL,
	"base_amount" integer NOT NULL,
	"per_extra_kg_amount" integer NOT NULL,
	"min_business_days" integer NOT NULL,
	"max_business_days" integer NOT NULL,
	CONSTRAINT "store_shipping_rates_method_id_region_pk" PRIMARY KEY("method_id","region")
);
--> statement-breakpoint
ALTER TABLE "store_products" ADD CONSTRAINT "store_products_category_id_store_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."store_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_shipping_rates" ADD CONSTRAINT "store_shipping_rates_method_id_store_shipping_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."store_shipping_methods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "store_discount_rules_code_unique" ON "store_discount_rules" USING btree ("code");--> statement-breakpoint
CREATE INDEX "store_products_category_idx" ON "store_products" USING btree ("category_id");