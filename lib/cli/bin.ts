#!/usr/bin/env node
// The `twilio-webhooks` executable: the in-process CLI bound to this process.
import { main, processIo } from './twilio-webhooks.cli.js';

process.exitCode = await main(process.argv.slice(2), processIo());
