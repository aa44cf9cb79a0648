import { expect, type Page } from '@playwright/test';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage, type TestCard } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { ProductPage } from '../pages/product-page';

/** Puts `quantity` of a product in this browser context's cart through the product page. */
export async function addProductToCart(page: Page, productId: string, quantity = 1): Promise<void> {
  const product = new ProductPage(page);
  await product.goto(productId);
  await product.addToCart(quantity);
}

/** Goes from the cart to the checkout and waits until Stripe's session and the server's checkout state are loaded. */
export async function openCheckoutFromCart(page: Page): Promise<CheckoutPage> {
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  const checkout = new CheckoutPage(page);
  await checkout.waitUntilReady();
  await checkout.options.waitUntilLoaded();
  return checkout;
}

/** Opens the checkout and fills everything but the card; Stripe's total then includes shipping. */
export async function checkoutReadyForCard(page: Page, email = 'qa@example.com'): Promise<CheckoutPage> {
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.waitUntilReady();
  await checkout.fillEmail(email);
  await checkout.fillAddress(TEST_ADDRESS);
  await checkout.waitForShippingPriced();
  return checkout;
}

/** The session id from the return page's URL. */
export function sessionIdFromUrl(page: Page): string {
  const sessionId = new URL(page.url()).searchParams.get('session_id');
  if (!sessionId) throw new Error(`no session_id in ${page.url()}`);
  return sessionId;
}

export type PaidOrder = { sessionId: string; orderNumber: string; total: number };

/** Buys one product with a card and waits for the paid order on the return page. */
export async function buyProduct(page: Page, productId: string, card: TestCard = CARDS.visa): Promise<PaidOrder> {
  await addProductToCart(page, productId);
  const checkout = await checkoutReadyForCard(page);
  await checkout.fillCard(card);
  const total = await checkout.totalAmount();
  await checkout.pay();
  const order = new OrderPage(page);
  await order.waitForArrival();
  await expect(order.status).toHaveAttribute('data-value', 'paid');
  return { sessionId: sessionIdFromUrl(page), orderNumber: (await order.orderNumber.textContent()) ?? '', total };
}
