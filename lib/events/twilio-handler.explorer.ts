import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { TwilioEventHandlerMetadata } from '../decorators/on-twilio-event.decorator.js';
import { TWILIO_EVENT_HANDLER } from '../twilio-webhook.constants.js';
import { REQUEST_SCOPED_HANDLER } from '../twilio-webhook.messages.js';
import { TwilioEventDispatcher } from './twilio-event.dispatcher.js';
import { TwilioHandlerRegistry } from './twilio-handler.registry.js';

/**
 * Finds `@OnTwilioEvent()` methods on the app's providers and controllers at bootstrap, before
 * HTTP traffic starts, then starts the queue worker (queue mode).
 */
@Injectable()
export class TwilioHandlerExplorer implements OnApplicationBootstrap {
  private readonly logger = new Logger('TwilioEventBus');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly registry: TwilioHandlerRegistry,
    private readonly dispatcher: TwilioEventDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.explore();
    await this.dispatcher.start();
  }

  private explore(): void {
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    for (const wrapper of wrappers) {
      const { instance } = wrapper;
      // Aliases point at a provider that is scanned anyway; a null prototype has no methods.
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const entries = readMetadata(instance[method]);
        if (!entries) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          this.logger.warn(REQUEST_SCOPED_HANDLER(String(wrapper.name), method));
          continue;
        }
        const name = instance.constructor?.name ?? String(wrapper.name);
        for (const { pattern } of entries) this.registry.register(pattern, instance, method, name);
      }
    }
  }
}

function readMetadata(target: unknown): TwilioEventHandlerMetadata[] | undefined {
  // reflect-metadata throws on primitives: only functions can carry handler metadata.
  if (typeof target !== 'function') return undefined;
  const value = Reflect.getMetadata(TWILIO_EVENT_HANDLER, target) as unknown;
  if (!value) return undefined;
  return (Array.isArray(value) ? value : [value]).filter(
    (entry): entry is TwilioEventHandlerMetadata =>
      typeof entry === 'object' && entry !== null && typeof entry.pattern === 'string',
  );
}
