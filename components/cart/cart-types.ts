/** One cart line as the server's cart view describes it (amounts in minor units of the cart's currency). */
export type CartLineView = {
  productId: string;
  name: string;
  image: string | null;
  unitAmount: number;
  quantity: number;
  amount: number;
  maxQuantity: number;
};
