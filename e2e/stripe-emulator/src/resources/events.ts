import { z } from 'zod';
import { resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { expandList, list, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';

/** `type` matches exactly or with a trailing wildcard, as Stripe allows: `checkout.session.*`. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

export function registerEventRoutes(router: Router<ApiRequest>): void {
  router.add('GET', '/v1/events/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    const id = request.pathParams.id ?? '';
    const event = request.store.events.get(id);
    if (!event) throw resourceMissing('event', id);
    return event;
  });
  router.add('GET', '/v1/events', (request) => {
    const params = parseParams(
      z.strictObject({
        ...paginationShape,
        type: str(100).optional(),
        types: list(str(100), 20).optional(),
        expand: expandList(),
      }),
      request.params,
    );
    resolveExpand(params.expand, [], 'data.');
    const patterns = params.types ?? (params.type ? [params.type] : null);
    const items = [...request.store.events.values()]
      .filter((event) => !patterns || patterns.some((pattern) => typeMatches(pattern, event.type)))
      .reverse();
    return paginate(items, params, '/v1/events', 'event');
  });
}
