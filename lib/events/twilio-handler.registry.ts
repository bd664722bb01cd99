import { Injectable } from '@nestjs/common';
import { compileEventPattern, type EventNameMatcher } from './twilio-event-pattern.js';

/**
 * A registered handler, as `TwilioEventBus.handlersFor()` reports it.
 * @publicApi
 */
export interface TwilioEventHandlerInfo {
  /** Stable across app instances (`Class.method`): completion is recorded under it. */
  readonly id: string;
  /** The patterns the method is registered for. */
  readonly patterns: readonly string[];
}

/** A handler ready to call. */
export interface RegisteredHandler extends TwilioEventHandlerInfo {
  call(payload: unknown, context: unknown): unknown;
}

interface Entry extends RegisteredHandler {
  readonly instance: object;
  readonly method: string;
  readonly patterns: string[];
  readonly matchers: EventNameMatcher[];
}

// Event names come from signed requests, but Event Streams types are open-ended: bound the cache.
const MAX_CACHED_NAMES = 1_000;

/** The handlers of one app, and which of them an event name reaches (cached per name). */
@Injectable()
export class TwilioHandlerRegistry {
  private readonly entries: Entry[] = [];
  private readonly cache = new Map<string, readonly RegisteredHandler[]>();

  /** Adds `instance[method]` for `pattern`; the same method twice keeps one handler. */
  register(pattern: string, instance: object, method: string, name?: string): void {
    const matcher = compileEventPattern(pattern);
    const known = this.entries.find((e) => e.instance === instance && e.method === method);
    this.cache.clear();
    if (known) {
      if (!known.patterns.includes(pattern)) {
        known.patterns.push(pattern);
        known.matchers.push(matcher);
      }
      return;
    }
    const fn = (instance as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new Error(`${name ?? 'handler'}.${method} is not a method`);
    const base = `${name ?? instance.constructor?.name ?? 'Handler'}.${method}`;
    const twins = this.entries.filter((e) => e.id === base || e.id.startsWith(`${base}#`)).length;
    this.entries.push({
      id: twins === 0 ? base : `${base}#${twins + 1}`,
      instance,
      method,
      patterns: [pattern],
      matchers: [matcher],
      call: (payload, context) => (fn as Function).call(instance, payload, context),
    });
  }

  /** The handlers an event name reaches, each once, in registration order. */
  match(name: string): readonly RegisteredHandler[] {
    let found = this.cache.get(name);
    if (found) return found;
    found = this.entries.filter((e) => e.matchers.some((matches) => matches(name)));
    if (this.cache.size >= MAX_CACHED_NAMES) this.cache.clear();
    this.cache.set(name, found);
    return found;
  }

  /** Every handler, for inspection. */
  all(): readonly TwilioEventHandlerInfo[] {
    return this.entries.map(({ id, patterns }) => ({ id, patterns: [...patterns] }));
  }
}
