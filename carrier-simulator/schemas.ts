/**
 * Request bodies of the simulator's HTTP API. Only the shape is checked here: an incomplete name
 * or address is not a 400 but a per-number rejection, as a real carrier would answer.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/calendar';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number');
const isoDate = z.string().refine(isValidIsoDate, 'must be a date (YYYY-MM-DD)');
const country = z.enum(['US', 'CA', 'AU']);
const text = (max: number) => z.string().max(max);
const idempotencyKey = text(200).min(1).optional();

const phoneNumbers = z
  .array(e164)
  .min(1)
  .max(500)
  .refine((list) => new Set(list).size === list.length, 'duplicate phone numbers');

export const portRequestBody = z.object({
  idempotencyKey,
  orderId: text(200).min(1),
  attempt: z.number().int().min(0),
  country,
  phoneNumbers,
  authorizedPerson: z.object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    businessName: text(200).optional(),
  }),
  serviceAddress: z.object({
    line1: text(200),
    line2: text(200).optional(),
    city: text(100),
    region: text(100),
    postalCode: text(20),
    country,
  }),
  accountNumber: text(100).optional(),
  pin: text(20).optional(),
  btn: text(30).optional(),
  requestedPortDate: isoDate.optional(),
  /** Asked to port outside business hours: accepted; the simulator ports on its own schedule regardless. */
  afterHoursPort: z.boolean().optional(),
});

/** `orderId` may be repeated in the body (the gateway does); it must then match the path. */
const orderIdInBody = text(200).optional();

export const cancelBody = z.object({
  idempotencyKey,
  orderId: orderIdInBody,
  phoneNumbers: phoneNumbers.optional(),
});

export const portDateBody = z.object({
  idempotencyKey,
  orderId: orderIdInBody,
  phoneNumbers: phoneNumbers.optional(),
  portDate: isoDate,
});

export const lookupBody = z.object({ phoneNumbers: z.array(text(30)).min(1).max(500) });

export const capabilityTestBody = z.object({
  idempotencyKey,
  numbers: z
    .array(z.object({ phoneNumber: e164, capabilities: z.enum(['voice', 'voice+sms']) }))
    .min(1)
    .max(500),
});

export const failCapabilityBody = z.object({
  capability: z.enum(['voice', 'sms']),
  times: z.number().int().min(0).max(1000),
});

export const moveFocBody = z.object({ focDate: isoDate, phoneNumbers: phoneNumbers.optional() });

export const controlNumbersBody = z.object({ phoneNumbers: phoneNumbers.optional() });
