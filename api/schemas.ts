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

/** Descriptions say what each field means and the rule behind it (docs/rules.md section), for /docs. */
const address = z
  .object({
    line1: z.string().min(1).meta({
      description:
        'street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3)',
    }),
    line2: z.string().optional().meta({ description: 'apartment, suite or floor' }),
    city: z.string().min(1).meta({ description: 'city or locality' }),
    region: z.string().min(1).meta({
      description:
        'state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9)',
    }),
    postalCode: z.string().min(1).meta({
      description:
        'in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3)',
    }),
    country: z
      .enum(['US', 'CA', 'AU'])
      .meta({ description: 'ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)' }),
  })
  .meta({
    description:
      'where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3)',
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

export const configurationSchema = z
  .object({
    capabilities: z.enum(['voice', 'voice+sms', 'sms']).meta({
      description:
        'what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)',
    }),
    alias: z.string().optional().meta({ description: 'a name for the numbers in your account (free text)' }),
    subaccountId: z.string().optional().meta({ description: 'the subaccount the numbers are added to' }),
    cnam: z.string().optional().meta({
      description:
        "caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5)",
    }),
    application: z
      .object({
        type: z.enum(['xml_app', 'phlo']).meta({ description: 'the kind of application answering calls' }),
        id: z.string().meta({ description: 'the application’s id in your account' }),
      })
      .optional()
      .meta({
        description: 'the application that answers the numbers (`invalid_application`; docs/rules.md §5)',
      }),
  })
  .meta({
    description:
      'how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9)',
  });

export const createOrderSchema = z.object({
  // Support creates on behalf of an account.
  accountId: z.string().optional().meta({
    description:
      'support only, and then required: the account the order is for. A customer’s orders are always its own account’s',
  }),
  country: z.string().length(2).meta({
    description:
      'ISO 3166-1 alpha-2 of the numbers: `US` and `CA` are self-service, `AU` is for support only (`country_support_only`), any other is `country_not_portable` (docs/rules.md §1)',
  }),
  customerReference: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'your own reference (a PO number…), searchable with `customerReference`' }),
  phoneNumbers: phoneNumberList()
    .min(1)
    .meta({
      description: `the numbers to port, in any spelling libphonenumber reads (stored in E.164); all of the order’s country, no duplicates (\`duplicate_number\`). Numbers of different losing-carrier accounts, or toll-free mixed with local, become separate drafts (\`splitReason\`). At most ${CUSTOMER_MAX_NUMBERS} for a customer, ${NORMAL_PORT_MAX_NUMBERS} for staff, ${REQUEST_MAX_NUMBERS} for a staff project port (\`too_many_numbers\`; docs/rules.md §2)`,
    }),
  authorizedPerson: z
    .object({
      firstName: z.string().optional().meta({ description: 'given name, as on the carrier account' }),
      lastName: z.string().optional().meta({ description: 'family name, as on the carrier account' }),
      businessName: z
        .string()
        .optional()
        .meta({ description: 'the business holding the carrier account, when it is a business' }),
    })
    .meta({
      description:
        'who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4)',
    }),
  serviceAddress: address,
  losingCarrier: z
    .object({
      name: z.string().optional().meta({ description: 'the carrier the numbers leave (informative)' }),
      usesAccountNumber: z.boolean().optional().meta({
        description: '`false` when the carrier has no account numbers; otherwise `accountNumber` is required',
      }),
      accountNumber: z.string().optional().meta({
        description:
          'the account number at the losing carrier (`account_number_missing`); encrypted at rest and answered masked (docs/rules.md §3)',
      }),
      pin: z.string().optional().meta({
        description:
          'the port-out PIN, required when a number is wireless (`pin_required`); encrypted at rest, answered masked, never logged (docs/rules.md §3)',
      }),
      btn: z.string().optional().meta({
        description:
          'billing telephone number, optional; when given an E.164 number of the order’s country (`invalid_btn_format`; docs/rules.md §3)',
      }),
    })
    .default({})
    .meta({ description: 'the account the numbers leave, as the losing carrier has it (docs/rules.md §3)' }),
  notificationEmail: z.string().meta({
    description:
      'every email about the order goes here (`invalid_notification_email`; docs/rules.md §3, §13)',
  }),
  requestedPortDate: z.string().optional().meta({
    description:
      'YYYY-MM-DD, optional: a business day of the order’s country after today (`port_date_not_business_day`, `port_date_not_in_future`). The carrier may grant a later FOC date (docs/rules.md §5)',
  }),
  timeZone: timeZoneOverride.optional(),
  projectPort: z.boolean().optional().meta({
    description:
      'staff only: a project port of up to 1,000 numbers of one losing-carrier account (`project_port_staff_only`; docs/rules.md §2)',
  }),
  requesterIsTollFreeSubscriber: z.boolean().optional().meta({
    description:
      '`true` when you are the toll-free subscriber: toll-free numbers port only at the subscriber’s request (`toll_free_subscriber_required`; docs/rules.md §4)',
  }),
  configuration: configurationSchema.default({ capabilities: 'voice+sms' }),
  afterHoursPort: z.boolean().optional().meta({
    description:
      '`true` to ask the carrier to port outside business hours: an extra one-time fee per number (default $50.00, the order policy’s `afterHoursCents`), recorded when the number is ported; default `false` (docs/rules.md §1)',
  }),
  quotedPortingChargeCents: z.number().int().min(0).max(1_000_000).optional().meta({
    description:
      'support only, orders outside the US and Canada (AU): the one-time charge per number support quoted, in US cents, recorded when the number is ported; without it the schedule’s amount applies (default $25.00). US and Canadian ports are free (`porting_charge_staff_only`, `porting_charge_not_applicable`; docs/rules.md §1)',
  }),
});
export type CreateOrderBody = z.infer<typeof createOrderSchema>;

/** Editable draft fields: everything but the account and country (a new country is a new order). */
export const draftPatchSchema = createOrderSchema
  .omit({ accountId: true, country: true })
  .extend({ losingCarrier: createOrderSchema.shape.losingCarrier.unwrap().optional() })
  .partial()
  .strict();

export const documentMetaSchema = z.object({
  kind: z.enum(['loa', 'bill', 'csr', 'account_screenshot']).meta({
    description:
      '`loa`: the signed letter of authorization (every number needs one); `bill`, `csr` or (VoIP numbers only) `account_screenshot`: proof of ownership (docs/rules.md §4)',
  }),
  phoneNumbers: z
    .preprocess((v) => (typeof v === 'string' ? (v ? v.split(',') : []) : v), phoneNumberList())
    .default([])
    .meta({
      description:
        'the numbers of the order the document covers (comma-separated in a form); none means every number (`document_number_not_in_order`; docs/rules.md §4)',
    }),
  issuedOn: z.string().optional().meta({
    description:
      'bills only, required: the printed issue date, YYYY-MM-DD, at most 30 days before today in the order’s zone (`bill_date_missing`, `bill_too_old`; docs/rules.md §4)',
  }),
  loaTemplate: z.enum(['standard', 'toll_free']).optional().meta({
    description:
      'LOAs only: `standard` for local numbers, `toll_free` for toll-free ones (`loa_wrong_template`; docs/rules.md §4)',
  }),
  signerName: z.string().optional().meta({
    description:
      'LOAs only: who signed; must be the authorized person (compared loosely; `loa_signer_mismatch`; docs/rules.md §4)',
  }),
});

const reviewNote = z.string().optional().meta({ description: 'for the order’s timeline (staff only)' });
export const reviewSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve').meta({ description: 'the order goes to the losing carrier' }),
    note: reviewNote,
  }),
  z.object({
    decision: z.literal('reject').meta({
      description: 'the numbers are rejected as a carrier would, with the same resubmission window',
    }),
    reasonCode: z.enum(REJECTION_CODES).meta({
      description:
        'one of the carrier rejection codes; the customer’s email quotes its remedy (docs/rules.md §8)',
    }),
    note: reviewNote,
  }),
]);
/** Which numbers a change is about; none named means every number still changeable. */
const changedNumbers = () =>
  phoneNumberList()
    .optional()
    .meta({ description: 'E.164 numbers of the order; none means every number the change still applies to' });
export const cancelSchema = z.object({ phoneNumbers: changedNumbers() });
export const portDateSchema = z.object({
  portDate: z.string().meta({
    description:
      'YYYY-MM-DD: a business day in the future, not before an FOC date the carrier already granted (`invalid_port_date`; docs/rules.md §12)',
  }),
  phoneNumbers: changedNumbers(),
});
/**
 * Corrections name fixed fields only: they are written into the stored draft, so an unknown key (or
 * one with `.` or `$`, which the store would read as a path or an operator) is refused, never stored.
 */
export const correctionsSchema = z
  .object({
    accountNumber: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'the corrected losing-carrier account number (encrypted at rest)' }),
    pin: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'the corrected port-out PIN (encrypted at rest)' }),
    btn: z.string().min(1).max(40).optional().meta({ description: 'the corrected billing telephone number' }),
    authorizedPerson: z
      .object({
        firstName: z.string().max(200).optional().meta({ description: 'corrected given name' }),
        lastName: z.string().max(200).optional().meta({ description: 'corrected family name' }),
        businessName: z.string().max(200).optional().meta({ description: 'corrected business name' }),
      })
      .strict()
      .optional()
      .meta({ description: 'the corrected account holder, as on the carrier’s CSR' }),
  })
  .strict()
  .meta({
    description:
      'what the rejection asked to fix, written into the order once the workflow accepts the resubmission (docs/rules.md §8)',
  });
export const resubmitSchema = z.object({
  phoneNumbers: phoneNumberList().optional().meta({
    description: 'rejected E.164 numbers of the order to resubmit; none means every resubmittable one',
  }),
  corrections: correctionsSchema.default({}),
});

export const carrierEventSchema = z.object({
  type: z
    .enum(['number.accepted', 'number.rejected', 'number.foc_changed', 'number.canceled', 'number.ported'])
    .meta({
      description:
        'what the carrier decided: accepted (with `focDate`), rejected (with `reasonCode`), FOC moved, canceled (no fee), or port confirmed (docs/rules.md §8, §9)',
    }),
  orderId: z.string().meta({ description: 'the order the carrier’s port request belongs to' }),
  phoneNumbers: z
    .array(z.string())
    .min(1)
    .meta({ description: 'E.164 numbers of the order the event is about' }),
  focDate: z.string().optional().meta({
    description: 'YYYY-MM-DD, with `number.accepted` and `number.foc_changed`: the granted FOC date',
  }),
  reasonCode: z
    .enum(REJECTION_CODES)
    .optional()
    .meta({ description: 'with `number.rejected`: why (docs/rules.md §8)' }),
  occurredAt: z.string().meta({
    description:
      'RFC 3339 date-time the carrier decided; an event older than the number’s current submission answers an earlier attempt and is ignored',
  }),
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
