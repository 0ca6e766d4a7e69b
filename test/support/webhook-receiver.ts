/** A customer's webhook endpoint for tests: records every delivery (attempt) and checks its signature. */
import express from 'express';
import type { Server } from 'node:http';
import { verify } from '../../security/standard-webhooks';

export interface ReceivedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  events: ReceivedEvent[];
  waitFor(pred: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): Promise<void>;
}

/** `answer`: the status every delivery gets (a broken receiver answers 404); 204 by default. */
export async function startWebhookReceiver({
  answer = 204,
}: { answer?: number } = {}): Promise<WebhookReceiver> {
  const events: ReceivedEvent[] = [];
  const app = express();
  const receiver = { secret: '', events } as WebhookReceiver;
  app.post('/hook', express.text({ type: '*/*' }), (req, res) => {
    const body = JSON.parse(req.body as string) as {
      id: string;
      type: string;
      data: Record<string, unknown>;
    };
    const failure = verify(
      receiver.secret,
      {
        'webhook-id': req.header('webhook-id'),
        'webhook-timestamp': req.header('webhook-timestamp'),
        'webhook-signature': req.header('webhook-signature'),
      },
      req.body as string,
    );
    events.push({ ...body, verified: failure === undefined });
    res.status(answer).end();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  receiver.waitFor = async (pred, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(pred);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no matching webhook in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.type))}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
