import { onRequest } from 'firebase-functions/v2/https';
import { sharedHttpOptions } from '../../lib/functions.js';

export const calendar = onRequest(sharedHttpOptions, async (request, response) => {
  const id = typeof request.query.id === 'string' ? request.query.id : '';
  if (!id) {
    response.status(400).send();
    return;
  }
  response.status(200).type('text/calendar; charset=utf-8').send(`BEGIN:VCALENDAR\nX-ID:${id}\nEND:VCALENDAR`);
});
