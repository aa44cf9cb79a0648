import type { Store } from '../store';
import type { FormObject } from './form';

/** What a REST handler receives: validated-later raw params plus the request's Stripe headers. */
export interface ApiRequest {
  method: string;
  path: string;
  /** Body params for POST/DELETE, query params for GET. */
  params: FormObject;
  pathParams: Record<string, string>;
  requestId: string;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  store: Store;
}

export type Handler<R> = (request: R) => unknown;

interface Route<R> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<R>;
}

export type RouteMatch<R> =
  | { kind: 'found'; handler: Handler<R>; pathParams: Record<string, string> }
  | { kind: 'not_found' };

/** Tiny method + path router: `/v1/checkout/sessions/:id/expire`. */
export class Router<R> {
  private readonly routes: Route<R>[] = [];

  add(method: string, path: string, handler: Handler<R>): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch<R> {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { kind: 'found', handler: route.handler, pathParams };
    }
    return { kind: 'not_found' };
  }
}
