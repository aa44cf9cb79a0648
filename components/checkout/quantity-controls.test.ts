import { describe, expect, it } from 'vitest';
import { quantityControls } from '@/components/checkout/quantity-controls';

describe('quantityControls', () => {
  it('lowers a quantity above 1, removes a line at 1, and offers the store on the only line at 1', () => {
    expect(quantityControls({ quantity: 3, maxQuantity: 10 }, true).decrease).toBe('decrease');
    expect(quantityControls({ quantity: 1, maxQuantity: 10 }, false).decrease).toBe('remove');
    expect(quantityControls({ quantity: 1, maxQuantity: 10 }, true).decrease).toBe('back-to-store');
  });

  it('stops at the most units the shopper may order', () => {
    expect(quantityControls({ quantity: 4, maxQuantity: 5 }, false)).toMatchObject({
      canIncrease: true,
      atMaximum: false,
    });
    expect(quantityControls({ quantity: 5, maxQuantity: 5 }, false)).toMatchObject({
      canIncrease: false,
      atMaximum: true,
    });
  });

  it('shows the quantity being sent while an update is pending', () => {
    const controls = quantityControls({ quantity: 2, maxQuantity: 3 }, false, 3);
    expect(controls).toMatchObject({ quantity: 3, canIncrease: false });
  });
});
