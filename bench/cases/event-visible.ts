/**
 * Carrier event → visible: the time from sending a signed `number.accepted` to the API until
 * GET /v1/port-in-orders/{id} shows its FOC date (one order at a time, polled every 5 ms).
 */
import { randomUUID } from 'node:crypto';
import { addBusinessDays } from '../../domain/calendar';
import { signedHeaders } from '../../security/standard-webhooks';
import type { BenchCase } from '../context';
import { apiClient, carrierToday, freshNumbers, readyDraft, submit, waitForCarrierRequest } from '../orders';
import { fmt, type Row } from '../report';
import { CARRIER_SECRET, KEYS } from '../stack';
import { percentile, sleep } from '../stats';

export const eventVisibleCase: BenchCase = {
  name: 'event',
  title: 'Carrier event → visible in GET',
  async run(ctx) {
    const { stack } = ctx;
    const api = apiClient(stack.apiUrl, KEYS.customer);
    const orders = await Promise.all(
      Array.from({ length: ctx.sizes.eventSamples }, async () => {
        const phoneNumbers = freshNumbers(1);
        const id = await readyDraft(api, phoneNumbers);
        await submit(api, id);
        await waitForCarrierRequest(stack, id);
        return { id, phoneNumbers };
      }),
    );
    const focDate = addBusinessDays(carrierToday(), 10, 'US');
    const latencies: number[] = [];
    for (const order of orders) {
      const raw = JSON.stringify({
        type: 'number.accepted',
        orderId: order.id,
        phoneNumbers: order.phoneNumbers,
        focDate,
        occurredAt: new Date().toISOString(),
      });
      const t0 = performance.now();
      const res = await fetch(`${stack.apiUrl}/v1/carrier/events`, {
        method: 'POST',
        headers: {
          ...signedHeaders(CARRIER_SECRET, `evt_${randomUUID()}`, raw),
          'content-type': 'application/json',
        },
        body: raw,
      });
      if (res.status !== 202) throw new Error(`carrier event: HTTP ${res.status} ${await res.text()}`);
      for (;;) {
        const view = await api.get(`/v1/port-in-orders/${order.id}`);
        if (view.numbers?.[0]?.focDate === focDate) break;
        if (performance.now() - t0 > 60_000) throw new Error(`event never visible on ${order.id}`);
        await sleep(5);
      }
      latencies.push(performance.now() - t0);
    }
    const p99 = percentile(latencies, 99);
    const row: Row = {
      case: 'event',
      figure: `Carrier event → visible in GET (${latencies.length} events)`,
      project: `p50 ${fmt(percentile(latencies, 50), 0)} ms, p99 ${fmt(p99, 0)} ms`,
      baseline: '',
      target: { text: 'p99 ≤ 500 ms', met: p99 <= 500 },
    };
    return [row];
  },
};
