import { Injectable, Logger } from '@nestjs/common';

/** Reacts to delivery failures. (Event handlers are wired once the event bus lands.) */
@Injectable()
export class SmsStatusHandler {
  private readonly logger = new Logger(SmsStatusHandler.name);

  onFailure(event: { MessageSid: string; MessageStatus: string }) {
    this.logger.warn(`Message ${event.MessageSid} ${event.MessageStatus}`);
  }
}
