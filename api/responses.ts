/**
 * Response schemas (zod) of the order routes, for the OpenAPI document. Objects the API builds itself
 * are strict, so a field added to a response without documenting it (or a secret leaking into one)
 * fails the spec validation of the end-to-end tests.
 */
import { z } from 'zod';
import { NUMBER_STATUSES, ORDER_STATUSES } from '../domain/statuses';
import { REJECTION_CODES } from '../domain/rejection-codes';
import type { ActorRole, ChangeRefusal, ChangeWindow } from '../domain/fees';
import type { PortingChargeKind } from '../domain/porting-charges';
import { NUMBER_ACTIONS } from '../domain/number-actions';
import { WARNING_CODES } from '../domain/problems';
import type { ReviewState } from '../workflows/messages';
import { configurationSchema, createOrderSchema, documentMetaSchema } from './schemas';

// The domain's unions as records: the compiler fails here when a value is added to or removed from
// them, so the spec's enums cannot fall behind the domain.
const CHANGE_WINDOWS: Record<ChangeWindow, true> = {
  not_submitted: true,
  submitted_no_foc: true,
  foc_72h_or_more: true,
  foc_48h_to_72h: true,
  foc_24h_to_48h: true,
  foc_under_24h: true,
  rejected: true,
  closed: true,
};
const CHANGE_REFUSALS: Record<ChangeRefusal, true> = {
  number_closed: true,
  customer_inside_72h: true,
  role_not_allowed: true,
};
const PORTING_CHARGE_KIND_NAMES: Record<PortingChargeKind, true> = {
  international_port: true,
  after_hours_port: true,
};
const ACTOR_ROLES: Record<ActorRole, true> = { customer: true, support: true, ops: true };
const REVIEW_STATES: Record<ReviewState, true> = {
  pending: true,
  escalated: true,
  approved: true,
  rejected: true,
};
const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as [K, ...K[]];

const dateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'stable machine-readable code' }),
    errors: z
      .array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() }))
      .optional()
      .meta({ description: 'every problem of the request, each with the field at fault' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; routes may add extension members' });

export const warningSchema = z
  .object({
    code: z.enum(WARNING_CODES),
    field: z.string(),
    message: z.string(),
    likelyRejection: z.enum(REJECTION_CODES).optional(),
  })
  .meta({ id: 'Warning', description: 'not blocking: what the carrier would most likely reject' });

/** A document accepted but flagged: the problem submit would report about it (e.g. `bill_too_old`). */
export const uploadWarningSchema = z
  .object({ code: z.string(), field: z.string(), message: z.string() })
  .strict()
  .meta({ id: 'UploadWarning' });

export const portInNumberSchema = z
  .object({
    phoneNumber: z.string(),
    status: z.enum(NUMBER_STATUSES),
    focDate: isoDate.optional(),
    activationAt: dateTime.optional(),
    activated: z.boolean(),
    ported: z.boolean(),
    attempt: z.number().int().meta({ description: 'carrier submissions so far (resubmissions add one)' }),
    rejection: z
      .object({ code: z.enum(REJECTION_CODES), resubmitBy: dateTime.optional() })
      .strict()
      .optional(),
    cancellation: z.object({ by: z.string(), feeCents: z.number().int() }).strict().optional(),
    submissionRefusal: z
      .object({
        code: z.string().meta({ description: 'the carrier’s code, which is no rejection reason' }),
        message: z.string().optional().meta({ description: 'the carrier’s words' }),
      })
      .strict()
      .optional()
      .meta({
        description:
          'the carrier refused the number’s last submission without a rejection reason: it is held in review for support to correct and resubmit, or to cancel (free)',
      }),
    actions: z.array(z.enum(NUMBER_ACTIONS)).meta({
      description:
        'what the caller may do to this number now, by the rules the actions apply (docs/rules.md §5.4, §6; the workflow still decides when asked): ' +
        '`cancel` (`POST …/cancel`: customers until 72 h before the port, support until the activation; a rejected number awaiting its resubmission may be given up, free), ' +
        '`change_port_date` (`POST …/port-date`: the same windows, never a rejected number), ' +
        '`resubmit` (`POST …/resubmit`: rejected inside its resubmission window, or held after a carrier refusal), ' +
        '`configure` (`PUT …/configuration`: until a number of the order is activated, while the order is open). ' +
        'Empty for ops, who read only. Computed at the instant of the answer: a window may close a moment later',
    }),
  })
  .strict()
  .meta({ id: 'PortInNumber' });

export const documentSchema = documentMetaSchema
  .extend({
    id: z.string(),
    contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int(),
    uploadedAt: z.string().optional().meta({
      description: 'when it was uploaded (RFC 3339); absent on documents stored before it was kept',
    }),
    signature: z
      .object({
        name: z.string().meta({ description: 'the full name the signer typed' }),
        signedAt: z.string().meta({ description: 'when it was signed (RFC 3339)' }),
        ip: z.string().meta({ description: 'the signer’s IP address' }),
        userAgent: z.string().meta({ description: 'the signer’s browser (User-Agent)' }),
        documentSha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .meta({ description: 'SHA-256 of the unsigned letter the signer was shown' }),
        requestId: z.string().meta({ description: 'the signature request whose link was used' }),
      })
      .optional()
      .meta({ description: 'an LOA signed online: its audit trail (also printed in the PDF)' }),
  })
  .meta({ id: 'OrderDocument' });

const orderShape = {
  id: z.string(),
  accountId: z.string(),
  status: z.enum(ORDER_STATUSES),
  customerReference: z.string().optional(),
  country: z.enum(['US', 'CA', 'AU']),
  timeZone: z.string().meta({ description: 'IANA zone of the service address' }),
  review: z.enum(keysOf(REVIEW_STATES)).optional(),
  needsAttention: z.boolean(),
  waitingFor: z.array(z.object({ what: z.string(), until: dateTime.optional() }).strict()),
  reviewDueAt: dateTime.optional().meta({
    description:
      'while the order waits for its staff review: when the 24 h review promise runs out (RFC 3339; in the past once `review` is `escalated`). Absent once the review is decided',
  }),
  authorizedPerson: createOrderSchema.shape.authorizedPerson,
  serviceAddress: createOrderSchema.shape.serviceAddress,
  losingCarrier: z
    .object({
      name: z.string().optional(),
      usesAccountNumber: z.boolean().optional(),
      accountNumber: z.string().optional().meta({ description: 'masked: the last four characters only' }),
      pin: z.string().optional().meta({ description: 'masked: the last four characters only' }),
      btn: z.string().optional(),
    })
    .strict(),
  notificationEmail: z.string(),
  requestedPortDate: z.string().optional(),
  configuration: configurationSchema,
  documents: z.array(documentSchema),
  phoneNumbers: z.array(z.string()).meta({
    description:
      'every number of the order in E.164, drafts included; `numbers` has their statuses once submitted',
  }),
  numbers: z.array(portInNumberSchema),
  fees: z.array(
    z
      .object({ phoneNumber: z.string(), feeCents: z.number().int(), reason: z.string(), at: dateTime })
      .strict(),
  ),
  totalFeesCents: z.number().int(),
  afterHoursPort: z.boolean(),
  quotedPortingChargeCents: z.number().int().optional(),
  portingCharges: z.array(
    z
      .object({
        phoneNumber: z.string(),
        kind: z.enum(keysOf(PORTING_CHARGE_KIND_NAMES)),
        feeCents: z.number().int(),
      })
      .strict(),
  ),
  submittedAt: dateTime.optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
};

export const orderSchema = z.object(orderShape).strict().meta({ id: 'PortInOrder' });

/** A created draft; numbers the carrier handles apart became separate orders, each saying why. */
export const createdOrdersSchema = z
  .object({
    orders: z.array(
      z
        .object({
          ...orderShape,
          splitReason: z
            .string()
            .optional()
            .meta({ description: 'why these numbers are an order of their own' }),
        })
        .strict(),
    ),
  })
  .strict();

export const submittedOrderSchema = z
  .object({ ...orderShape, warnings: z.array(warningSchema) })
  .strict()
  .meta({ id: 'SubmittedOrder' });

/** One page of a list: `nextCursor` is null on the last page. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({
          description:
            'pass as `cursor` (with the same filters) for the next page; null on the last. A filtered page ' +
            'reads a bounded part of the list, so it may hold fewer items than `limit` (even none) and still have one',
        }),
    })
    .strict();

export const orderEventSchema = z
  .object({
    orderId: z.string(),
    seq: z.number().int(),
    at: dateTime,
    type: z.string(),
    phoneNumbers: z.array(z.string()),
    detail: z.string().optional(),
  })
  .strict()
  .meta({ id: 'OrderEvent' });

/**
 * Read-your-writes: every action answered through the workflow carries the order as it stands
 * after it (`order`, a PortInOrder), and a GET right after shows at least that state.
 */
const orderAfterAction = orderSchema;

export const feeResultSchema = z
  .object({
    currency: z.literal('USD'),
    numbers: z.array(z.object({ phoneNumber: z.string(), feeCents: z.number().int() }).strict()),
    totalCents: z.number().int(),
    order: orderAfterAction,
  })
  .strict()
  .meta({ id: 'FeeResult' });

export const portDateResultSchema = z
  .object({ ...feeResultSchema.shape, focDate: isoDate })
  .strict()
  .meta({ id: 'PortDateResult' });

export const changeQuoteSchema = z
  .object({
    currency: z.literal('USD'),
    numbers: z.array(
      z
        .object({
          phoneNumber: z.string(),
          window: z.enum(keysOf(CHANGE_WINDOWS)),
          feeCents: z.number().int(),
          allowedRoles: z.array(z.enum(keysOf(ACTOR_ROLES))),
          hoursUntilPort: z.number().optional(),
          refusal: z.enum(keysOf(CHANGE_REFUSALS)).optional(),
        })
        .strict(),
    ),
    totalCents: z.number().int(),
    allowed: z.boolean().meta({ description: 'the caller may make the change for every quoted number now' }),
  })
  .strict()
  .meta({ id: 'ChangeQuote' });

export const reviewResultSchema = z
  .object({ review: z.enum(keysOf(REVIEW_STATES)), order: orderAfterAction })
  .strict();
export const resubmitResultSchema = z
  .object({ phoneNumbers: z.array(z.string()), attempt: z.number().int(), order: orderAfterAction })
  .strict();
export const configurationResultSchema = z.object({ configuration: configurationSchema }).strict();

export const activeNumberSchema = z
  .object({
    phoneNumber: z.string(),
    accountId: z.string(),
    orderId: z.string().optional(),
    configuration: configurationSchema.optional(),
    completedAt: dateTime.optional(),
  })
  .strict()
  .meta({ id: 'ActiveNumber' });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    orderId: z.string().optional(),
    type: z.string().optional(),
    url: z.string().optional(),
    status: z.enum(['sent', 'failed']).optional(),
    attempts: z.number().int(),
    lastError: z.string().optional(),
    responseStatus: z.string().optional().meta({ description: 'HTTP status the endpoint answered' }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .strict()
  .meta({ id: 'WebhookDelivery' });

export const republishResultSchema = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    statusCode: z.number().int().optional(),
    error: z.string().optional(),
  })
  .strict();

export const readinessSchema = z
  .object({ store: z.enum(['ok', 'down']), temporal: z.enum(['ok', 'down']) })
  .strict()
  .meta({ id: 'Readiness' });
