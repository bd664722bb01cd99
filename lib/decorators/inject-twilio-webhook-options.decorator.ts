import { Inject } from '@nestjs/common';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';

/**
 * Injects the resolved module options (`ResolvedTwilioWebhookOptions`).
 * @publicApi
 * @example
 * constructor(@InjectTwilioWebhookOptions() private readonly options: ResolvedTwilioWebhookOptions) {}
 */
export const InjectTwilioWebhookOptions = (): ParameterDecorator & PropertyDecorator =>
  Inject(TWILIO_WEBHOOK_OPTIONS);
