/** Request schemas (zod): the single source of request validation. */
import { z } from 'zod';
import { REJECTION_CODES } from '../domain/rejection-codes';
import { isOrderTimeZone } from '../domain/address';
import { INVALID_TIME_ZONE_MESSAGE } from '../domain/intake/owner';
import {
  CUSTOMER_MAX_NUMBERS,
  NORMAL_PORT_MAX_NUMBERS,
  REQUEST_MAX_NUMBERS,
} from '../domain/intake/eligibility';
import { HttpProblem } from './problems';

const address = z.object({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  region: z.string().min(1),
  postalCode: z.string().min(1),
  country: z.enum(['US', 'CA', 'AU']),
});

/**
 * A list of phone numbers in one request: bounded by the bulk rules (rulebook 2). The schema holds
 * the hard cap every request shares; the create and edit handlers apply the caller's own limit.
 */
const phoneNumberList = () =>
  z
    .array(z.string().max(40))
    .max(REQUEST_MAX_NUMBERS)
    .meta({
      description: `At most ${CUSTOMER_MAX_NUMBERS} numbers for a customer, ${NORMAL_PORT_MAX_NUMBERS} for staff, ${REQUEST_MAX_NUMBERS} for a staff project port.`,
    });

/** A stable problem code for a refinement, picked up by parseOrThrow. */
const timeZoneOverride = z
  .string()
  .refine(isOrderTimeZone, { message: INVALID_TIME_ZONE_MESSAGE, params: { code: 'invalid_time_zone' } })
  .meta({ description: 'IANA zone (Area/Location), overriding the service address’s zone' });

export const configurationSchema = z.object({
  capabilities: z.enum(['voice', 'voice+sms', 'sms']),
  alias: z.string().optional(),
  subaccountId: z.string().optional(),
  cnam: z.string().optional(),
  application: z.object({ type: z.enum(['xml_app', 'phlo']), id: z.string() }).optional(),
});

export const createOrderSchema = z.object({
  accountId: z.string().optional(), // support creates on behalf of an account
  country: z.string().length(2),
  customerReference: z.string().max(100).optional(),
  phoneNumbers: phoneNumberList().min(1),
  authorizedPerson: z.object({
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    businessName: z.string().optional(),
  }),
  serviceAddress: address,
  losingCarrier: z
    .object({
      name: z.string().optional(),
      usesAccountNumber: z.boolean().optional(),
      accountNumber: z.string().optional(),
      pin: z.string().optional(),
      btn: z.string().optional(),
    })
    .default({}),
  notificationEmail: z.string(),
  requestedPortDate: z.string().optional(),
  timeZone: timeZoneOverride.optional(),
  projectPort: z.boolean().optional(),
  requesterIsTollFreeSubscriber: z.boolean().optional(),
  configuration: configurationSchema.default({ capabilities: 'voice+sms' }),
});
export type CreateOrderBody = z.infer<typeof createOrderSchema>;

/** Editable draft fields: everything but the account and country (a new country is a new order). */
export const draftPatchSchema = createOrderSchema
  .omit({ accountId: true, country: true })
  .extend({ losingCarrier: createOrderSchema.shape.losingCarrier.unwrap().optional() })
  .partial()
  .strict();

export const documentMetaSchema = z.object({
  kind: z.enum(['loa', 'bill', 'csr', 'account_screenshot']),
  phoneNumbers: z
    .preprocess((v) => (typeof v === 'string' ? (v ? v.split(',') : []) : v), phoneNumberList())
    .default([]),
  issuedOn: z.string().optional(),
  loaTemplate: z.enum(['standard', 'toll_free']).optional(),
  signerName: z.string().optional(),
});

export const reviewSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), note: z.string().optional() }),
  z.object({
    decision: z.literal('reject'),
    reasonCode: z.enum(REJECTION_CODES),
    note: z.string().optional(),
  }),
]);
export const cancelSchema = z.object({ phoneNumbers: phoneNumberList().optional() });
export const portDateSchema = z.object({
  portDate: z.string(),
  phoneNumbers: phoneNumberList().optional(),
});
/**
 * Corrections name fixed fields only: they are written into the stored draft, so an unknown key (or
 * one with `.` or `$`, which the store would read as a path or an operator) is refused, never stored.
 */
export const correctionsSchema = z
  .object({
    accountNumber: z.string().min(1).max(64).optional(),
    pin: z.string().min(1).max(64).optional(),
    btn: z.string().min(1).max(40).optional(),
    authorizedPerson: z
      .object({
        firstName: z.string().max(200).optional(),
        lastName: z.string().max(200).optional(),
        businessName: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export const resubmitSchema = z.object({
  phoneNumbers: phoneNumberList().optional(),
  corrections: correctionsSchema.default({}),
});

export const carrierEventSchema = z.object({
  type: z.enum([
    'number.accepted',
    'number.rejected',
    'number.foc_changed',
    'number.canceled',
    'number.ported',
  ]),
  orderId: z.string(),
  phoneNumbers: z.array(z.string()).min(1),
  focDate: z.string().optional(),
  reasonCode: z.enum(REJECTION_CODES).optional(),
  occurredAt: z.string(),
});

/** Parses or throws a 422 listing every problem with its field path. */
export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseOrThrow(schema, body, {
    status: 422,
    code: 'invalid_request',
    title: 'the request has problems; see errors',
    root: '(body)',
  });
}

/** Parses with `schema`, or throws a problem listing every issue with the path where it is. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  input: unknown,
  problem: { status: number; code: string; title: string; root: string },
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new HttpProblem(
    problem.status,
    problem.code,
    problem.title,
    result.error.issues.map((i) => ({
      code: i.code === 'custom' && typeof i.params?.code === 'string' ? i.params.code : `invalid_${i.code}`,
      field: i.path.join('.') || problem.root,
      message: i.message,
    })),
  );
}
