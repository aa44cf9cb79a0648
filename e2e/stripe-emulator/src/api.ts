import type { ApiRequest } from './http/router';
import { Router } from './http/router';
import { registerCheckoutSessionRoutes } from './resources/checkout-sessions';
import { registerCouponRoutes } from './resources/coupons';
import { registerCustomerRoutes } from './resources/customers';
import { registerEventRoutes } from './resources/events';
import { registerPaymentIntentRoutes } from './resources/payment-intents';
import { registerPriceRoutes } from './resources/prices';
import { registerProductRoutes } from './resources/products';
import { registerPromotionCodeRoutes } from './resources/promotion-codes';
import { registerRefundRoutes } from './resources/refunds';
import { registerShippingRateRoutes } from './resources/shipping-rates';

/** Every `/v1` REST route the emulator serves to stripe-node. */
export function createApiRouter(): Router<ApiRequest> {
  const router = new Router<ApiRequest>();
  registerCheckoutSessionRoutes(router);
  registerPaymentIntentRoutes(router);
  registerRefundRoutes(router);
  registerCouponRoutes(router);
  registerCustomerRoutes(router);
  registerPromotionCodeRoutes(router);
  registerPriceRoutes(router);
  registerProductRoutes(router);
  registerShippingRateRoutes(router);
  registerEventRoutes(router);
  return router;
}
