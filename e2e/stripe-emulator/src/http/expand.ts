import { invalidParam } from './errors';

/**
 * Checks `expand[]` against what a resource can expand and returns the set of paths. `prefix` ('data.') is stripped
 * for list endpoints, where Stripe expects `data.line_items`.
 */
export function resolveExpand(
  expand: readonly string[] | undefined,
  allowed: readonly string[],
  prefix = '',
): Set<string> {
  const paths = new Set<string>();
  (expand ?? []).forEach((raw, index) => {
    const path = prefix && raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
    if (prefix && !raw.startsWith(prefix)) {
      throw invalidParam(
        `This property cannot be expanded (${raw}). You may want to try expanding '${prefix}${raw}' instead.`,
        `expand[${index}]`,
      );
    }
    if (!allowed.includes(path)) throw invalidParam(`This property cannot be expanded (${raw}).`, `expand[${index}]`);
    paths.add(path);
  });
  return paths;
}
