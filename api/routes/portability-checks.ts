/**
 * POST /v1/portability-checks: before ordering, what each number is and whether it can be ported,
 * with every reason it cannot. The answers use the same rules submit enforces, so a number checked
 * portable here is not refused at submit for its own sake.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { CarrierGateway } from '../../carrier/gateway';
import {
  normalizePhoneNumber,
  numberBelongsToCountry,
  type PhoneNumberRejection,
} from '../../domain/phone-numbers';
import type { PortCountry } from '../../domain/order';
import type { Store } from '../../store/connection';
import { findNumberHolds } from '../../store/number-holds';
import { allow, canSee, principalOf } from '../auth';
import { rememberRouteBase } from '../observability';
import { parse } from '../schemas';

const PORT_COUNTRIES = ['US', 'CA', 'AU'] as const satisfies readonly PortCountry[];

export const portabilityCheckSchema = z.object({
  phoneNumbers: z.array(z.string().max(40)).min(1).max(100),
  /**
   * The country of the order the numbers are meant for: numbers of another country are reported, and
   * numbers written without a country code are read as this country's.
   */
  country: z.enum(PORT_COUNTRIES).optional(),
});

export const NOT_PORTABLE_REASONS = {
  invalid_phone_number: 'not a valid phone number',
  country_not_portable: 'we port numbers of the US, Canada and Australia only',
  country_mismatch: 'the number belongs to another country than the order; porting stays inside one country',
  already_active: 'the number is already active on our platform: there is nothing to port',
  in_open_order: 'the number is already in another open port-in order',
  unportable_at_carrier: 'the losing carrier cannot release this number',
} as const;
export type NotPortableReason = keyof typeof NOT_PORTABLE_REASONS;

export function portabilityChecksRouter(deps: { store: Store; carrier: CarrierGateway }): Router {
  const router = Router();
  router.use(rememberRouteBase);

  router.post('/', allow('customer', 'support'), async (req, res) => {
    const body = parse(portabilityCheckSchema, req.body);
    const principal = principalOf(req);
    const normalized = body.phoneNumbers.map((n) => normalizePhoneNumber(n, body.country));
    const valid = [...new Set(normalized.flatMap((n) => (n.ok ? [n.e164] : [])))];
    const [lookups, holds] = valid.length
      ? await Promise.all([deps.carrier.lookupNumbers(valid), findNumberHolds(deps.store, valid)])
      : [[], { active: new Map(), inOpenOrder: new Map() }];

    const data = body.phoneNumbers.map((input, i) => {
      const n = normalized[i];
      if (!n.ok) return verdict({ input }, ['invalid_phone_number'], INVALID_NUMBER_DETAILS[n.reason]);
      const lookup = lookups.find((l) => l.phoneNumber === n.e164);
      const country = PORT_COUNTRIES.find((c) => numberBelongsToCountry(n.e164, c));
      const openOrder = holds.inOpenOrder.get(n.e164);
      const reasons: NotPortableReason[] = [];
      if (!country) reasons.push('country_not_portable');
      else if (body.country && !numberBelongsToCountry(n.e164, body.country))
        reasons.push('country_mismatch');
      if (holds.active.has(n.e164)) reasons.push('already_active');
      if (openOrder) reasons.push('in_open_order');
      if (lookup && !lookup.portableAtCarrier) reasons.push('unportable_at_carrier');
      return verdict(
        {
          input,
          phoneNumber: n.e164,
          country: n.country,
          lineType: lookup?.lineType,
          losingCarrier: lookup?.losingCarrier,
          // Another account's order stays invisible: its existence is not the caller's to know.
          ...(openOrder && canSee(principal, openOrder.accountId) ? { openOrderId: openOrder.orderId } : {}),
        },
        reasons,
      );
    });
    res.json({ data });
  });
  return router;
}

const INVALID_NUMBER_DETAILS: Record<PhoneNumberRejection, string> = {
  empty: 'it is empty',
  not_a_phone_number: 'it does not read as a phone number (write it in E.164, e.g. +12125550100)',
  has_extension: 'it has an extension: port the main line, without the extension',
  invalid_number: 'no such number exists in its numbering plan',
};

function verdict<T extends object>(facts: T, reasons: NotPortableReason[], detail?: string) {
  return {
    ...facts,
    portable: reasons.length === 0,
    ...(reasons.length
      ? {
          reason: reasons[0],
          reasons: reasons.map((code) => ({
            code,
            message: detail ? `${NOT_PORTABLE_REASONS[code]}: ${detail}` : NOT_PORTABLE_REASONS[code],
          })),
        }
      : {}),
  };
}
