'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { CheckoutState } from '@/components/checkout/use-checkout-state';

export type CheckoutUpdates = CheckoutState & {
  /** Replaces a closed session with a fresh one (the island does this once per visit). */
  startFreshCheckout: () => void;
};

const CheckoutUpdatesContext = createContext<CheckoutUpdates | null>(null);

export function CheckoutUpdatesProvider({ value, children }: { value: CheckoutUpdates; children: ReactNode }) {
  return <CheckoutUpdatesContext.Provider value={value}>{children}</CheckoutUpdatesContext.Provider>;
}

export function useCheckoutUpdates(): CheckoutUpdates {
  const value = useContext(CheckoutUpdatesContext);
  if (!value) throw new Error('useCheckoutUpdates must be used inside CheckoutUpdatesProvider');
  return value;
}
