/**
 * The Temporal Web UI shows encrypted payloads decoded, as `npm start` wires it: the dev server's UI
 * is started with `--ui-codec-endpoint <API>/codec`, tells the browser so in its settings, and the
 * browser's calls from the UI origin (CORS preflight, then the decode without an API key, as the
 * local UI has no login to pass on) reveal the order's payloads.
 */
import request from 'supertest';
import { workflowIdFor } from '../../workflows/messages';
import { firstNumber, RECORDS, submitAndApprove, waitForOrder } from '../support/scenarios';
import { useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false, temporalUi: true });

test('the UI advertises the API codec endpoint, and its browser calls decode an order’s history', async () => {
  const uiUrl = stack.temporalUiUrl!;
  const settings = await request(uiUrl).get('/api/v1/settings');
  expect(settings.status).toBe(200);
  expect(settings.body.Codec).toMatchObject({ Endpoint: `${stack.apiUrl}/codec` });

  const phoneNumber = '+12175550101';
  const orderId = await submitAndApprove(stack, {
    country: 'US',
    phoneNumbers: [phoneNumber],
    ...RECORDS.usHappy,
    notificationEmail: 'ui@example.test',
  });
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'submitted_to_carrier');
  const history = await stack.client.workflow.getHandle(workflowIdFor(orderId)).fetchHistory();
  const started = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
  expect(Buffer.from(started.metadata!.encoding!).toString()).toBe('binary/encrypted');
  expect(Buffer.from(started.data!).toString('latin1')).not.toContain(phoneNumber);

  const preflight = await request(stack.apiUrl)
    .options('/codec/decode')
    .set('Origin', uiUrl)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type,x-namespace');
  expect(preflight.status).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe(uiUrl);

  const decoded = await request(stack.apiUrl)
    .post('/codec/decode')
    .set('Origin', uiUrl)
    .set('X-Namespace', 'default')
    .send({
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(started.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
          ),
          data: Buffer.from(started.data!).toString('base64'),
        },
      ],
    });
  expect(decoded.status).toBe(200);
  expect(decoded.headers['access-control-allow-origin']).toBe(uiUrl);
  const input = JSON.parse(Buffer.from(decoded.body.payloads[0].data, 'base64').toString('utf8'));
  expect(input).toMatchObject({ orderId, phoneNumbers: [phoneNumber] });
}, 120_000);
