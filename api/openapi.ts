/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (api/schemas.ts): no second copy of the request shapes by hand.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { NUMBER_STATUSES, ORDER_STATUSES } from '../domain/statuses';
import { REJECTION_CODES } from '../domain/rejection-codes';
import {
  cancelSchema,
  carrierEventSchema,
  configurationSchema,
  draftPatchSchema,
  createOrderSchema,
  documentMetaSchema,
  portDateSchema,
  resubmitSchema,
  reviewSchema,
} from './schemas';
import { webhookEndpointSchema } from './routes/webhooks';

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'stable machine-readable code' }),
    errors: z
      .array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem' });

const portInNumber = z
  .object({
    phoneNumber: z.string(),
    status: z.enum(NUMBER_STATUSES),
    focDate: z.string().optional(),
    activationAt: z.string().optional(),
    activated: z.boolean(),
    rejection: z.object({ code: z.enum(REJECTION_CODES), resubmitBy: z.string().optional() }).optional(),
    cancellation: z.object({ by: z.string(), feeCents: z.number().int() }).optional(),
  })
  .meta({ id: 'PortInNumber' });

const order = z
  .object({
    id: z.string(),
    accountId: z.string(),
    status: z.enum(ORDER_STATUSES),
    customerReference: z.string().optional(),
    country: z.string(),
    timeZone: z.string(),
    needsAttention: z.boolean(),
    waitingFor: z.array(z.object({ what: z.string(), until: z.string().optional() })),
    losingCarrier: z.object({
      name: z.string().optional(),
      accountNumber: z.string().optional().meta({ description: 'masked' }),
      pin: z.string().optional().meta({ description: 'masked' }),
      btn: z.string().optional(),
    }),
    numbers: z.array(portInNumber),
    totalFeesCents: z.number().int(),
  })
  .meta({ id: 'PortInOrder' });

const feeResult = z
  .object({
    currency: z.literal('USD'),
    numbers: z.array(z.object({ phoneNumber: z.string(), feeCents: z.number().int() })),
    totalCents: z.number().int(),
  })
  .meta({ id: 'FeeResult' });

const quote = z
  .object({
    currency: z.literal('USD'),
    numbers: z.array(
      z.object({
        phoneNumber: z.string(),
        window: z.string(),
        feeCents: z.number().int(),
        allowedRoles: z.array(z.string()),
        hoursUntilPort: z.number().optional(),
        refusal: z.string().optional(),
      }),
    ),
    totalCents: z.number().int(),
    allowed: z.boolean(),
  })
  .meta({ id: 'ChangeQuote' });

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const problems = {
  401: json(problem, 'missing or unknown API key'),
  404: json(problem, 'not found (or not yours)'),
  409: json(problem, 'refused in the current state; `code` says why'),
  422: json(problem, 'invalid request; `errors` lists every problem'),
  503: json(problem, 'Temporal or the store is unavailable; retry after `Retry-After`'),
};
const idParam = z.object({ id: z.string() });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

/** Every route of the API, documented. The test suite checks this list against the running app. */
export const DOCUMENTED_ROUTES: RouteConfig[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', responses: { 200: { description: 'alive' } } },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness (Temporal and store)',
    responses: { 200: { description: 'ready' }, 503: problems[503] },
  },
  {
    method: 'post',
    path: '/v1/portability-checks',
    summary: 'Check numbers before ordering',
    request: body(z.object({ phoneNumbers: z.array(z.string()).min(1).max(100) })),
    responses: {
      200: { description: 'per number: E.164, country, line type, losing carrier, portable or why not' },
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders',
    summary: 'Create draft order(s): split per losing-carrier account and toll-free vs local',
    request: body(createOrderSchema),
    responses: {
      201: json(z.object({ orders: z.array(order) }), 'the draft order(s) created'),
      422: problems[422],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders',
    summary: 'List orders (cursor pagination)',
    request: {
      query: z.object({
        status: z.enum(ORDER_STATUSES).optional(),
        phoneNumber: z.string().optional(),
        customerReference: z.string().optional(),
        cursor: z.string().optional(),
        limit: z.number().int().min(1).max(100).optional(),
      }),
    },
    responses: {
      200: json(z.object({ data: z.array(order), nextCursor: z.string().nullable() }), 'a page of orders'),
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}',
    summary: 'One order',
    request: { params: idParam },
    responses: { 200: json(order, 'the order'), 404: problems[404] },
  },
  {
    method: 'patch',
    path: '/v1/port-in-orders/{id}',
    summary: 'Edit a draft',
    request: { params: idParam, ...body(draftPatchSchema) },
    responses: { 200: json(order, 'the edited draft'), 409: problems[409], 422: problems[422] },
  },
  {
    method: 'put',
    path: '/v1/port-in-orders/{id}/configuration',
    summary: 'Number configuration applied at activation',
    request: { params: idParam, ...body(configurationSchema) },
    responses: { 200: { description: 'the configuration' }, 409: problems[409] },
  },
  {
    method: 'delete',
    path: '/v1/port-in-orders/{id}',
    summary: 'Delete a draft',
    request: { params: idParam },
    responses: { 204: { description: 'deleted' }, 409: problems[409] },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/documents',
    summary: 'Upload a document (PDF, PNG or JPEG; 10 MB)',
    request: {
      params: idParam,
      body: {
        content: {
          'multipart/form-data': {
            schema: documentMetaSchema.extend({ file: z.string().meta({ format: 'binary' }) }),
          },
        },
      },
    },
    responses: {
      201: { description: 'the stored document with its sha256' },
      413: problems[422],
      415: problems[422],
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/submit',
    summary: 'Validate every intake rule and start the order',
    request: { params: idParam },
    responses: {
      202: json(order, 'submitted; `warnings` lists likely carrier rejections'),
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/events',
    summary: 'The order timeline',
    request: { params: idParam },
    responses: { 200: { description: 'transitions in order' } },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/cancellation-quote',
    summary: 'Fee per number and who may cancel or change the date now',
    request: {
      params: idParam,
      query: z.object({ phoneNumbers: z.string().optional().meta({ description: 'comma-separated' }) }),
    },
    responses: { 200: json(quote, 'the quote') },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/cancel',
    summary: 'Cancel all or some numbers',
    request: { params: idParam, ...body(cancelSchema) },
    responses: { 200: json(feeResult, 'fees charged'), 409: problems[409] },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/port-date',
    summary: 'Change the port date ("supp")',
    request: { params: idParam, ...body(portDateSchema) },
    responses: {
      200: json(feeResult.extend({ focDate: z.string() }), 'the new FOC date and fees'),
      409: problems[409],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/resubmit',
    summary: 'Resubmit rejected numbers with corrections',
    request: { params: idParam, ...body(resubmitSchema) },
    responses: { 200: { description: 'resubmitted' }, 409: problems[409] },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/review',
    summary: 'Approve or reject (support)',
    request: { params: idParam, ...body(reviewSchema) },
    responses: { 200: { description: 'decided' }, 409: problems[409] },
  },
  {
    method: 'get',
    path: '/v1/active-numbers',
    summary: 'Completed numbers with their configuration',
    responses: { 200: { description: 'active numbers' } },
  },
  {
    method: 'put',
    path: '/v1/webhook-endpoint',
    summary: 'Register the account webhook URL; answers the signing secret once',
    request: body(webhookEndpointSchema),
    responses: {
      200: json(z.object({ url: z.string(), secret: z.string() }), 'registered'),
      422: problems[422],
    },
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoint',
    summary: 'Remove the account webhook',
    responses: { 204: { description: 'removed' } },
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries',
    summary: 'Webhook delivery log (status, attempts, last error)',
    request: { query: z.object({ orderId: z.string().optional() }) },
    responses: { 200: { description: 'deliveries, newest first' } },
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/republish',
    summary: 'Deliver an event again, with its original id and body',
    request: { params: idParam },
    responses: {
      200: { description: 'delivered' },
      502: { description: 'the endpoint did not accept it' },
      404: problems[404],
    },
  },
  {
    method: 'post',
    path: '/v1/carrier/events',
    summary: 'Carrier events (Standard Webhooks signature)',
    request: body(carrierEventSchema),
    responses: {
      202: { description: 'accepted' },
      200: { description: 'duplicate webhook-id, ignored' },
      401: problems[401],
    },
  },
];

let cached: object | undefined;
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  for (const route of DOCUMENTED_ROUTES) {
    const open = route.path === '/healthz' || route.path === '/readyz' || route.path === '/v1/carrier/events';
    registry.registerPath({ ...route, ...(open ? {} : { security: [{ [bearer.name]: [] }] }) });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Port-in orchestrator API',
      version: '1',
      description:
        'Port phone numbers in: drafts, documents, submission, review, cancellations and port-date changes with fees, carrier events.',
    },
  });
  return cached;
}
