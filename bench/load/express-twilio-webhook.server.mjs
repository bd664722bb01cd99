// (c) The reference point: plain Express 5 with the SDK's own `twilio.webhook()` middleware.
import express from 'express';
import twilio from 'twilio';
import { AUTH_TOKEN, PUBLIC_URL, reportReady, STATUS_PATH } from './bench-server.mjs';

const app = express();
app.use(express.urlencoded({ extended: false }));
app.post(STATUS_PATH, twilio.webhook(AUTH_TOKEN, { url: PUBLIC_URL + STATUS_PATH }), (_req, res) =>
  res.sendStatus(204),
);
const server = app.listen(0, '127.0.0.1', () =>
  reportReady(server, () => new Promise((resolve) => server.close(resolve))),
);
