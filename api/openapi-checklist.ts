/**
 * The OpenAPI routes and response schemas of issue 14's read-only order routes: the submit
 * checklist, port-date options and documents back (api/routes/requirements.ts, port-date-options.ts,
 * documents.ts). Kept apart from api/openapi.ts, which lists them among DOCUMENTED_ROUTES.
 */
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { PROBLEM_CODES } from '../domain/problems';
import { CARRIER_LEAD_BUSINESS_DAYS, PORT_DATE_HORIZON_DAYS } from '../domain/port-dates';
import { REQUIREMENT_IDS, REQUIREMENTS } from '../domain/requirements';
import { ORDER_STATUSES } from '../domain/statuses';
import { changeQuoteSchema, documentSchema, problemSchema, warningSchema } from './responses';

const isoDate = z.iso.date();
const R = 'docs/rules.md';

const problemJson = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const json = (schema: z.ZodType, description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema, example } },
});
const idParam = z.object({
  id: z.string().meta({ description: 'the order’s id (`pio_…`)', example: 'pio_0123456789abcdef0123' }),
});

const intakeProblemSchema = z
  .object({
    code: z.enum(PROBLEM_CODES).meta({ description: `stable code (${R}, sections 1-5)` }),
    field: z.string().meta({ description: 'the field at fault, as a path into the order (`numbers[0]`)' }),
    message: z.string().meta({ description: 'what is wrong and what to do, for a person' }),
  })
  .strict()
  .meta({ id: 'IntakeProblem', description: 'one problem submit would answer in its `422`' });

const requirementResultSchema = z
  .object({
    requirement: z.enum(REQUIREMENT_IDS as [string, ...string[]]).meta({ description: 'stable id' }),
    title: z.string().meta({ description: 'the requirement, for a person' }),
    description: z.string().meta({ description: 'what it takes, and when it applies' }),
    status: z.enum(['met', 'missing', 'invalid']).meta({
      description:
        '`missing`: something must be given (an LOA, a name, a PIN); `invalid`: what was given is wrong; `met`: nothing to do',
    }),
    problems: z
      .array(intakeProblemSchema)
      .meta({ description: 'why it is not met: exactly the problems submit names for it' }),
  })
  .strict()
  .meta({
    id: 'Requirement',
    description: 'one requirement of the rulebook, and whether the order meets it',
  });

export const requirementsSchema = z
  .object({
    orderId: z.string().meta({ description: 'the order’s id' }),
    status: z.enum(ORDER_STATUSES).meta({ description: 'the order’s status; only a draft can be submitted' }),
    submittable: z.boolean().meta({
      description:
        'a draft whose requirements are all met: `POST …/submit` accepts it now (and refuses it, with `problems`, otherwise)',
    }),
    today: isoDate
      .optional()
      .meta({ description: 'today in the order’s zone: bill ages and dates count from it' }),
    order: z.array(requirementResultSchema).meta({ description: 'the requirements of the order as a whole' }),
    numbers: z
      .array(
        z
          .object({
            index: z.number().int().meta({ description: 'position in the order’s numbers' }),
            phoneNumber: z.string().optional(),
            met: z.boolean().meta({ description: 'every requirement of this number is met' }),
            requirements: z
              .array(requirementResultSchema)
              .meta({ description: 'the requirements of this number' }),
          })
          .strict(),
      )
      .meta({ description: 'per number: its format and availability, LOA and proof of ownership' }),
    problems: z.array(intakeProblemSchema).meta({ description: 'every problem, as submit would list them' }),
    warnings: z.array(warningSchema).meta({ description: 'not blocking: likely carrier rejections' }),
  })
  .strict()
  .meta({
    id: 'Requirements',
    description: 'the submit checklist: what submit would judge now, requirement by requirement',
  });

const loaMissing = {
  code: 'loa_missing',
  field: 'numbers[0]',
  message:
    'No LOA covers +12125550147: upload a letter of authorization on the standard LOA template, signed by the authorized user, listing this number.',
};
const met = (requirement: keyof typeof REQUIREMENTS) => ({
  requirement,
  title: REQUIREMENTS[requirement].title,
  description: REQUIREMENTS[requirement].description,
  status: 'met',
  problems: [],
});
const requirementsExample = {
  orderId: 'pio_0123456789abcdef0123',
  status: 'draft',
  submittable: false,
  today: '2026-12-07',
  order: [met('plan'), met('authorized_person'), met('service_address')],
  numbers: [
    {
      index: 0,
      phoneNumber: '+12125550147',
      met: false,
      requirements: [
        met('phone_number'),
        { ...met('loa'), status: 'missing', problems: [loaMissing] },
        met('proof_of_ownership'),
      ],
    },
  ],
  problems: [loaMissing],
  warnings: [],
};

export const portDateOptionsSchema = z
  .object({
    orderId: z.string().meta({ description: 'the order’s id' }),
    status: z.enum(ORDER_STATUSES).meta({ description: 'the order’s status' }),
    purpose: z.enum(['requested_port_date', 'port_date_change', 'none']).meta({
      description:
        '`requested_port_date`: a draft’s `requestedPortDate` (PATCH the draft); `port_date_change`: `POST …/port-date`; `none`: no number can move any more (activated or finished)',
    }),
    country: z
      .enum(['US', 'CA', 'AU'])
      .meta({ description: 'whose business days and public holidays count' }),
    timeZone: z.string().meta({ description: 'the order’s zone: `today` is read there' }),
    today: isoDate.meta({ description: 'today in the order’s zone: only later dates may be asked for' }),
    leadBusinessDays: z
      .number()
      .int()
      .meta({
        description: `business days the carrier needs before the first FOC it grants (${CARRIER_LEAD_BUSINESS_DAYS}); counts while no FOC is granted`,
      }),
    horizonDays: z
      .number()
      .int()
      .meta({
        description: `how far ahead dates are listed, in calendar days from today (${PORT_DATE_HORIZON_DAYS})`,
      }),
    requestedPortDate: isoDate.optional().meta({ description: 'the date the draft asks for now, if any' }),
    focDate: isoDate
      .optional()
      .meta({ description: 'the latest FOC granted: a change may not move before it' }),
    earliest: isoDate.optional().meta({ description: 'the first date considered (lead time or FOC)' }),
    latest: isoDate.optional().meta({ description: 'the last date considered (the horizon)' }),
    dates: z
      .array(
        z
          .object({
            date: isoDate.meta({ description: 'a business day that may be asked for' }),
            feeCents: z.number().int().optional().meta({
              description:
                'port-date changes: what the change costs (USD cents, every number moved) if requested now; the same for every date, since it depends on how near the current FOC is',
            }),
          })
          .strict(),
      )
      .meta({ description: `business days that may be asked for, ascending (${R} §5, §10, §12)` }),
    holidays: z
      .array(isoDate)
      .meta({ description: 'weekdays in the range left out as public holidays of the country' }),
    quote: changeQuoteSchema.optional().meta({
      description: 'port-date changes: the fee per number and whether the caller may make the change now',
    }),
  })
  .strict()
  .meta({
    id: 'PortDateOptions',
    description: 'the port dates that may be asked for now, and what a change costs',
  });

const portDateOptionsExample = {
  orderId: 'pio_0123456789abcdef0123',
  status: 'draft',
  purpose: 'requested_port_date',
  country: 'US',
  timeZone: 'America/New_York',
  today: '2026-12-21',
  leadBusinessDays: CARRIER_LEAD_BUSINESS_DAYS,
  horizonDays: PORT_DATE_HORIZON_DAYS,
  earliest: '2026-12-24',
  latest: '2027-02-19',
  dates: [{ date: '2026-12-24' }, { date: '2026-12-28' }, { date: '2026-12-29' }],
  holidays: ['2026-12-25', '2027-01-01', '2027-01-18', '2027-02-15'],
};

export const documentListSchema = z
  .object({ data: z.array(documentSchema).meta({ description: 'the documents, oldest first' }) })
  .strict()
  .meta({ id: 'DocumentList', description: 'an order’s documents' });

const documentExample = {
  id: 'doc_0123456789abcdef0123',
  kind: 'bill',
  phoneNumbers: [],
  issuedOn: '2026-12-01',
  contentType: 'application/pdf',
  sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
  size: 48213,
  uploadedAt: '2026-12-07T10:15:00.000Z',
};

const binary = z.string().meta({ format: 'binary' });

export const CHECKLIST_ROUTES: RouteConfig[] = [
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/requirements',
    tags: ['orders'],
    'x-roles': ['customer', 'support', 'ops'],
    'x-order-status': 'draft',
    summary: 'What submit still needs: each requirement met, missing or invalid, and why',
    description: `Every requirement of ${R} sections 1-5, for the order and for each number, judged exactly as \`POST …/submit\` would judge it now by the same code: submit succeeds when \`submittable\` is true and otherwise refuses with these \`problems\`. Any key; customers see their own account’s orders only.`,
    request: { params: idParam },
    responses: {
      200: json(requirementsSchema, 'the checklist', requirementsExample),
      404: problemJson('not found (or not yours)'),
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/port-date-options',
    tags: ['changes'],
    'x-roles': ['customer', 'support'],
    'x-order-status': 'draft',
    summary: 'The port dates that may be asked for now, with the fee a change would cost',
    description: `Business days of the order’s country (weekends and public holidays left out, ${R} §10) up to ${PORT_DATE_HORIZON_DAYS} days ahead: on a draft from the carrier’s lead time of ${CARRIER_LEAD_BUSINESS_DAYS} business days; once submitted, the dates \`POST …/port-date\` accepts (not before a granted FOC), each with the fee that change would cost if requested now (the quote of \`GET …/cancellation-quote\`, ${R} §12). The same rule as intake and the change itself. Customer and support keys.`,
    request: { params: idParam },
    responses: {
      200: json(portDateOptionsSchema, 'the dates', portDateOptionsExample),
      403: problemJson('the key’s role may not ask (ops)'),
      404: problemJson('not found (or not yours)'),
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/documents',
    tags: ['documents'],
    'x-roles': ['customer', 'support'],
    'x-order-status': 'ready_draft',
    summary: 'The order’s documents: type, SHA-256, size, content type, upload time',
    description:
      'Every document uploaded to the order, oldest first. Customer keys (own account) and support keys; ops keys are refused (documents carry personal data).',
    request: { params: idParam },
    responses: {
      200: json(documentListSchema, 'the documents', { data: [documentExample] }),
      403: problemJson('the key’s role may not read documents (ops)'),
      404: problemJson('not found (or not yours)'),
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/documents/{documentId}',
    tags: ['documents'],
    'x-roles': ['customer', 'support'],
    'x-order-status': 'ready_draft',
    summary: 'Download one document, as stored',
    description:
      'The stored bytes with their sniffed content type, `Content-Disposition: attachment` with a name made from the document id, and the SHA-256 as `ETag`. A document id of another order is a `404`. Customer keys (own account) and support keys.',
    request: {
      params: idParam.extend({
        documentId: z
          .string()
          .meta({ description: 'the document’s `id`', example: 'doc_0123456789abcdef0123' }),
      }),
    },
    responses: {
      200: {
        description: 'the document',
        headers: z.object({
          'Content-Disposition': z
            .string()
            .meta({ example: 'attachment; filename="doc_0123456789abcdef0123.pdf"' }),
          ETag: z.string().meta({ description: 'the SHA-256 of the bytes, quoted' }),
        }),
        content: {
          'application/pdf': { schema: binary },
          'image/png': { schema: binary },
          'image/jpeg': { schema: binary },
        },
      },
      403: problemJson('the key’s role may not read documents (ops)'),
      404: problemJson('no such order or document (or not yours)'),
    },
  },
];
