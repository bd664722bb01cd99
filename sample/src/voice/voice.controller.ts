import { Controller } from '@nestjs/common';
import {
  type GatherAction,
  TwilioActionCallback,
  TwilioInboundCall,
  TwilioPayload,
  VoiceResponse,
} from 'nestjs-twilio-webhooks';

const MENU: Record<string, string> = {
  '1': 'Our opening hours are nine to five, Monday to Friday.',
  '2': 'Please hold while we connect you to an agent.',
};

@Controller('twilio/voice')
export class VoiceController {
  /** POST /twilio/voice: the number's "A call comes in" URL. Plays a menu and gathers a digit. */
  @TwilioInboundCall()
  answer() {
    const twiml = new VoiceResponse();
    const gather = twiml.gather({ numDigits: 1, action: '/twilio/voice/menu', method: 'POST' });
    gather.say('Press 1 for opening hours. Press 2 to talk to someone.');
    twiml.say('We did not get your choice. Goodbye.');
    return twiml;
  }

  /** POST /twilio/voice/menu: the <Gather> action; its TwiML continues the call. */
  @TwilioActionCallback('menu', { verb: 'gather' })
  menu(@TwilioPayload() gather: GatherAction) {
    const twiml = new VoiceResponse();
    const choice = gather.Digits ? MENU[gather.Digits] : undefined;
    if (choice) twiml.say(choice);
    else twiml.redirect({ method: 'POST' }, '/twilio/voice');
    return twiml;
  }
}
