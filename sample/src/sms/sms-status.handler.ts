import { Injectable, Logger } from '@nestjs/common';
import {
  OnTwilioEvent,
  type MessageStatusCallback,
  type TwilioEventContext,
} from 'nestjs-twilio-webhooks';

/**
 * Reacts to message status callbacks posted to /twilio/status. Each event reaches each handler
 * once, even when Twilio retries; a status older than one already seen arrives with `ctx.stale`.
 */
@Injectable()
export class SmsStatusHandler {
  private readonly logger = new Logger(SmsStatusHandler.name);
  /** Failures seen, for the sample's own tests and a dashboard a real app would have. */
  readonly failures: { sid: string; status: string; errorCode?: number }[] = [];

  @OnTwilioEvent('message.status.failed')
  @OnTwilioEvent('message.status.undelivered')
  onFailure(event: MessageStatusCallback, ctx: TwilioEventContext) {
    if (ctx.stale) return;
    this.failures.push({
      sid: event.MessageSid,
      status: event.MessageStatus,
      errorCode: event.ErrorCode,
    });
    this.logger.warn(
      `Message ${event.MessageSid} ${event.MessageStatus} (error ${event.ErrorCode})`,
    );
  }

  @OnTwilioEvent('message.status.*')
  onAnyStatus(event: MessageStatusCallback) {
    this.logger.log(`Message ${event.MessageSid} is ${event.MessageStatus}`);
  }
}
