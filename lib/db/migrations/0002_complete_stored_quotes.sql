-- Every checkout row's quote is a complete StoredQuote: rows written before the discount explanation and Stripe's
-- shipping-rate ids were recorded get empty ones, so no reader needs a fallback for older rows.
UPDATE "checkouts" SET "quote" = "quote" || '{"stripeShippingRates": []}'::jsonb WHERE NOT ("quote" ? 'stripeShippingRates');
--> statement-breakpoint
UPDATE "checkouts" SET "quote" = "quote" || '{"discountExplanation": {"codes": [], "automatic": [], "hints": []}}'::jsonb WHERE NOT ("quote" ? 'discountExplanation');
