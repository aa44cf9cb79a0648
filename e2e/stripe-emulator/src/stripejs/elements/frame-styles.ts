/** Plain, readable styling shared by the stand-in's iframes. */
export const FRAME_CSS = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; background: transparent; }
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1f36; }
  form { display: grid; gap: 12px; padding: 2px; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  .field { display: grid; gap: 4px; }
  label { font-size: 14px; color: #30313d; }
  input, select { width: 100%; height: 42px; font: inherit; padding: 8px 12px; border: 1px solid #d0d5dd; border-radius: 6px; background: #fff; color: inherit; }
  input:focus, select:focus { outline: 2px solid #635bff; outline-offset: 0; border-color: #635bff; }
  input[aria-invalid="true"] { border-color: #df1b41; }
  /* Error lines keep their space even when empty, so a message appearing on blur never moves the page under a click. */
  .error { margin: 0; min-height: 18px; font-size: 13px; line-height: 18px; color: #df1b41; }
  .note { margin: 0; font-size: 12px; color: #6a7383; }
`;

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type InputSpec = {
  name: string;
  label: string;
  autocomplete?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  value?: string;
};

/** A labelled text input with an error line, ids named like Stripe's (`Field-numberInput`). */
export function inputField(spec: InputSpec): string {
  const id = `Field-${spec.name}Input`;
  const attributes = [
    `id="${id}"`,
    `name="${escapeHtml(spec.name)}"`,
    'type="text"',
    `aria-describedby="Field-${spec.name}Error"`,
    'aria-invalid="false"',
    spec.autocomplete ? `autocomplete="${escapeHtml(spec.autocomplete)}"` : '',
    spec.placeholder ? `placeholder="${escapeHtml(spec.placeholder)}"` : '',
    spec.inputMode ? `inputmode="${spec.inputMode}"` : '',
    spec.value ? `value="${escapeHtml(spec.value)}"` : '',
  ].filter(Boolean);
  return `<div class="field"><label for="${id}">${escapeHtml(spec.label)}</label><input ${attributes.join(' ')}><p class="error" id="Field-${spec.name}Error" role="alert"></p></div>`;
}

/** A labelled `<select name="country">` of ISO codes with readable names. */
export function countryField(
  label: string,
  countries: readonly string[],
  selected: string,
  autocomplete: string,
): string {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
  const options = countries
    .map((code) => {
      const name = names?.of(code) ?? code;
      return `<option value="${escapeHtml(code)}"${code === selected ? ' selected' : ''}>${escapeHtml(name)}</option>`;
    })
    .join('');
  return `<div class="field"><label for="Field-countryInput">${escapeHtml(label)}</label><select id="Field-countryInput" name="country" autocomplete="${autocomplete}">${options}</select></div>`;
}

export function frameDocument(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${FRAME_CSS}</style></head><body>${body}</body></html>`;
}

export const DEFAULT_COUNTRIES = [
  'US',
  'CA',
  'GB',
  'IE',
  'AU',
  'NZ',
  'DE',
  'FR',
  'NL',
  'BE',
  'LU',
  'AT',
  'CH',
  'IT',
  'ES',
  'PT',
  'SE',
  'NO',
  'DK',
  'FI',
  'PL',
  'CZ',
  'JP',
  'SG',
  'HK',
  'MX',
  'BR',
] as const;
