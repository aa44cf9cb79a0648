/** The body `POST /api/checkout/shipping-address` expects, built from the Shipping Address Element's value. */
export type ShippingAddressRequest = {
  name: string;
  line1: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country: string;
};

type ElementValue = {
  name: string;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postal_code: string;
    country: string;
  };
};

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function toShippingAddressRequest(value: ElementValue): ShippingAddressRequest {
  const { address } = value;
  const request: ShippingAddressRequest = {
    name: value.name.trim(),
    line1: address.line1.trim(),
    country: address.country.trim().toUpperCase(),
  };
  const optional = {
    line2: present(address.line2),
    city: present(address.city),
    state: present(address.state),
    postalCode: present(address.postal_code),
  };
  for (const [key, field] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (field !== undefined) request[key] = field;
  }
  return request;
}

/** A stable key, so the same address is not sent to the server twice in a row. */
export function addressKey(request: ShippingAddressRequest): string {
  return JSON.stringify([
    request.name,
    request.line1,
    request.line2 ?? '',
    request.city ?? '',
    request.state ?? '',
    request.postalCode ?? '',
    request.country,
  ]);
}
