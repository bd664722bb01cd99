import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { TwilioConfigurationOptions } from './twilio-configuration-options.interface.js';

/** Nest's builder writes `forRoot` / `forRootAsync` of `TwilioWebhookConfigurationModule`. */
export const {
  ConfigurableModuleClass: TwilioConfigurationModuleClass,
  MODULE_OPTIONS_TOKEN: TWILIO_CONFIGURATION_OPTIONS,
  OPTIONS_TYPE: TWILIO_CONFIGURATION_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: TWILIO_CONFIGURATION_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<TwilioConfigurationOptions>({
  moduleName: 'TwilioWebhookConfiguration',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createTwilioConfigurationOptions')
  .build();
