import { Controller, Logger } from '@nestjs/common';
import {
  type InboundMessage,
  MessagingResponse,
  TwilioInboundMessage,
  TwilioPayload,
  TwilioStatusCallback,
} from 'nestjs-twilio-webhooks';

@Controller('twilio')
export class SmsController {
  private readonly logger = new Logger(SmsController.name);

  /** POST /twilio/sms: an auto-reply. Configure it as the number's "A message comes in" URL. */
  @TwilioInboundMessage('sms')
  reply(@TwilioPayload() sms: InboundMessage) {
    this.logger.log(`SMS from ${sms.From}: ${sms.Body}`);
    return new MessagingResponse().message(`Got: ${sms.Body}`);
  }

  /** POST /twilio/status: message and call status callbacks; handlers get them from the bus. */
  @TwilioStatusCallback('status')
  status() {}
}
