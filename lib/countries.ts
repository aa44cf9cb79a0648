/** A country's English name from its ISO 3166-1 alpha-2 code ("GB" → "United Kingdom"); the code when unknown. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name as it reads inside a sentence: "the United Kingdom", "the Netherlands", "Germany". */
export function countryInSentence(code: string): string {
  const name = countryName(code);
  return /^(United |Netherlands$|Philippines$|Czech Republic$)/.test(name) ? `the ${name}` : name;
}
