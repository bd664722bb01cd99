import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TwilioWebhookModule } from 'nestjs-twilio-webhooks';
import { SmsController } from './sms/sms.controller.js';
import { SmsStatusHandler } from './sms/sms-status.handler.js';
import { VoiceController } from './voice/voice.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot(),
    TwilioWebhookModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        authToken: config.getOrThrow<string>('TWILIO_AUTH_TOKEN'),
        // The tunnel's origin (ngrok and the like), when Twilio reaches the app through one.
        publicUrl: config.get<string>('TWILIO_WEBHOOK_PUBLIC_URL') || undefined,
        trustProxy: config.get<string>('TRUST_PROXY') === 'true',
      }),
    }),
  ],
  controllers: [SmsController, VoiceController],
  providers: [SmsStatusHandler],
})
export class AppModule {}
