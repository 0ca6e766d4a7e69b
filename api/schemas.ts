/** Request schemas (zod): the single source of request validation. */
import { z } from 'zod';
import { REJECTION_CODES } from '../domain/rejection-codes';
import { HttpProblem } from './problems';

const address = z.object({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  region: z.string().min(1),
  postalCode: z.string().min(1),
  country: z.enum(['US', 'CA', 'AU']),
});

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
  phoneNumbers: z.array(z.string()).min(1),
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
  timeZone: z.string().optional(),
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
    .preprocess((v) => (typeof v === 'string' ? (v ? v.split(',') : []) : v), z.array(z.string()))
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
export const cancelSchema = z.object({ phoneNumbers: z.array(z.string()).optional() });
export const portDateSchema = z.object({
  portDate: z.string(),
  phoneNumbers: z.array(z.string()).optional(),
});
export const resubmitSchema = z.object({
  phoneNumbers: z.array(z.string()).optional(),
  corrections: z
    .object({
      accountNumber: z.string().optional(),
      pin: z.string().optional(),
      btn: z.string().optional(),
      authorizedPerson: z.record(z.string(), z.string()).optional(),
    })
    .default({}),
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
      code: `invalid_${i.code}`,
      field: i.path.join('.') || problem.root,
      message: i.message,
    })),
  );
}
