import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { TwilioWebhookModuleOptions } from './interfaces/twilio-webhook-options.interface.js';

/** Nest's builder writes `forRoot` / `forRootAsync` (`useFactory`, `useClass`, `useExisting`). */
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: TWILIO_WEBHOOK_RAW_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<TwilioWebhookModuleOptions>({ moduleName: 'TwilioWebhook' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createTwilioWebhookOptions')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/**
 * What `forRoot()` takes: the options plus `isGlobal`.
 * @publicApi
 */
export type TwilioWebhookModuleForRootOptions = typeof OPTIONS_TYPE;

/**
 * What `forRootAsync()` takes: `imports`, `inject`, `useFactory` | `useClass` | `useExisting`,
 * plus `isGlobal`.
 * @publicApi
 */
export type TwilioWebhookModuleAsyncOptions = typeof ASYNC_OPTIONS_TYPE;
