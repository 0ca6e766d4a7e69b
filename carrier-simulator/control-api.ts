/**
 * Control switches for tests and demos: play the losing carrier's side on demand (answer now,
 * move the FOC, cancel on its own, port now) and plan capability-test failures.
 * Unlike the gaining side's own calls, these emit the carrier events a real carrier would send.
 */
import { Router } from 'express';
import { toPortRequestView } from './http-api';
import type { LosingCarrier } from './losing-carrier';
import { controlNumbersBody, failCapabilityBody, moveFocBody } from './schemas';
import type { SimulatorStore } from './store';
import { SimulatorError } from './errors';

export function controlApi(deps: { carrier: LosingCarrier; store: SimulatorStore }): Router {
  const { carrier, store } = deps;
  const router = Router();

  router.post('/numbers/:phoneNumber/fail-capability', async (req, res) => {
    const phoneNumber = req.params.phoneNumber;
    if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
      throw new SimulatorError(400, 'invalid_request', 'the phone number must be E.164 (URL-encode the +)');
    }
    const body = failCapabilityBody.parse(req.body);
    await store.setCapabilityFailures(phoneNumber, body.capability, body.times);
    res.json({ phoneNumber, capability: body.capability, failuresPlanned: body.times });
  });

  router.post('/port-requests/:orderId/answer', async (req, res) => {
    res.json(toPortRequestView(await carrier.control.answerNow(req.params.orderId)));
  });

  router.post('/port-requests/:orderId/move-foc', async (req, res) => {
    const body = moveFocBody.parse(req.body);
    res.json(
      toPortRequestView(await carrier.control.moveFoc(req.params.orderId, body.focDate, body.phoneNumbers)),
    );
  });

  router.post('/port-requests/:orderId/cancel', async (req, res) => {
    const body = controlNumbersBody.parse(req.body ?? {});
    res.json(toPortRequestView(await carrier.control.cancel(req.params.orderId, body.phoneNumbers)));
  });

  router.post('/port-requests/:orderId/complete', async (req, res) => {
    const body = controlNumbersBody.parse(req.body ?? {});
    res.json(toPortRequestView(await carrier.control.complete(req.params.orderId, body.phoneNumbers)));
  });

  return router;
}
