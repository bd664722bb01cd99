import { Req } from '@nestjs/common';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import { verifiedRequestOf } from '../signature/verified-requests.js';
import type { TwilioRouteKind } from './twilio-route-kind.js';

/**
 * Wraps a route method so that it replies and dispatches events itself: Nest hands the wrapper
 * the request as one extra argument (a `@Req()` after the method's own parameters), and the
 * responder the guard left on that request does the rest. Calling the method directly (a unit
 * test does) passes no such request and runs the original method unchanged.
 *
 * The wrapper takes over the original's metadata, so decorators applied before this one keep
 * working.
 */
export function wrapRouteHandler(
  kind: TwilioRouteKind,
  target: object,
  key: string | symbol,
  descriptor: PropertyDescriptor,
): void {
  const original = descriptor.value as (...args: unknown[]) => unknown;
  const requestIndex = declaredParameterCount(target, key, original);
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const req = args.length > requestIndex ? (args[requestIndex] as WebhookHttpRequest) : undefined;
    const responder = req && verifiedRequestOf(req)?.responder;
    if (!responder) return original.apply(this, args);
    const own = args.slice(0, requestIndex);
    return responder.respond(req!, kind, wrapped, () => original.apply(this, own));
  };
  Object.defineProperty(wrapped, 'name', { value: original.name });
  for (const metaKey of Reflect.getOwnMetadataKeys(original)) {
    Reflect.defineMetadata(metaKey, Reflect.getOwnMetadata(metaKey, original), wrapped);
  }
  descriptor.value = wrapped;
  // TypeScript writes the returned descriptor back itself; decorators applied by hand in plain
  // JavaScript often do not, so the wrapper is installed here too.
  Object.defineProperty(target, key, descriptor);
  Req()(target, key, requestIndex);
}

/** How many parameters the method declares, defaults included where metadata knows them. */
function declaredParameterCount(target: object, key: string | symbol, fn: Function): number {
  const types = Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined;
  return Math.max(fn.length, types?.length ?? 0);
}
