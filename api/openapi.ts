/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (api/schemas.ts, api/list-queries.ts) and describe responses (api/responses.ts): no second copy
 * of a shape by hand. The end-to-end tests validate every response they get against it.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
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
import {
  listActiveNumbersQuerySchema,
  listDeliveriesQuerySchema,
  listOrdersQuerySchema,
} from './list-queries';
import {
  activeNumberSchema,
  changeQuoteSchema,
  configurationResultSchema,
  createdOrdersSchema,
  documentSchema,
  feeResultSchema,
  orderEventSchema,
  orderSchema,
  pageSchema,
  portDateResultSchema,
  problemSchema,
  readinessSchema,
  republishResultSchema,
  resubmitResultSchema,
  reviewResultSchema,
  submittedOrderSchema,
  uploadWarningSchema,
  webhookDeliverySchema,
} from './responses';
import { webhookEndpointSchema } from './routes/webhooks';
import { payloadsSchema } from './routes/codec';
import { NOT_PORTABLE_REASONS, portabilityCheckSchema } from './routes/portability-checks';

const problem = problemSchema;

const notPortableReason = z.enum(Object.keys(NOT_PORTABLE_REASONS) as [keyof typeof NOT_PORTABLE_REASONS]);
const portabilityCheckResult = z
  .object({
    data: z.array(
      z.object({
        input: z.string(),
        phoneNumber: z.string().optional().meta({ description: 'E.164' }),
        country: z.string().optional(),
        lineType: z.enum(['landline', 'wireless', 'voip', 'toll_free']).optional(),
        losingCarrier: z.string().optional(),
        portable: z.boolean(),
        reason: notPortableReason.optional().meta({ description: 'the first of `reasons`' }),
        reasons: z.array(z.object({ code: notPortableReason, message: z.string() })).optional(),
        openOrderId: z
          .string()
          .optional()
          .meta({ description: 'the open order holding the number, when the caller may see it' }),
      }),
    ),
  })
  .meta({ id: 'PortabilityCheckResult' });

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
/** Errors are RFC 9457 problem details, served as application/problem+json. */
const problemJson = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const problems = {
  400: problemJson('invalid query parameters (or malformed JSON); `errors` names each parameter'),
  401: problemJson('missing or unknown API key'),
  403: problemJson('the API key’s role may not do this'),
  404: problemJson('not found (or not yours)'),
  409: problemJson('refused in the current state; `code` says why'),
  422: problemJson('invalid request; `errors` lists every problem'),
  429: problemJson('too many requests for this API key; retry after `Retry-After`'),
  503: problemJson('Temporal or the store is unavailable; retry after `Retry-After`'),
};
const idParam = z.object({ id: z.string() });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

/** Every route of the API, documented. The test suite checks this list against the running app. */
export const DOCUMENTED_ROUTES: RouteConfig[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    responses: { 200: json(z.object({ status: z.literal('ok') }).strict(), 'alive') },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness (Temporal and store)',
    responses: {
      200: json(readinessSchema, 'ready'),
      503: json(readinessSchema, 'not ready: which dependency is down; retry after `Retry-After`'),
    },
  },
  {
    method: 'post',
    path: '/v1/portability-checks',
    summary: 'Check numbers before ordering',
    request: body(portabilityCheckSchema),
    responses: {
      200: json(
        portabilityCheckResult,
        'per number: E.164, country, line type, losing carrier, portable or why not',
      ),
      403: problems[403],
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders',
    summary: 'Create draft order(s): split per losing-carrier account and toll-free vs local',
    request: body(createOrderSchema),
    responses: {
      201: json(createdOrdersSchema, 'the draft order(s) created'),
      403: problems[403],
      422: problems[422],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders',
    summary: 'List orders, newest first (cursor pagination; customers see their own account only)',
    request: { query: listOrdersQuerySchema },
    responses: {
      200: json(pageSchema(orderSchema), 'a page of orders'),
      400: problems[400],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}',
    summary: 'One order',
    request: { params: idParam },
    responses: { 200: json(orderSchema, 'the order'), 404: problems[404] },
  },
  {
    method: 'patch',
    path: '/v1/port-in-orders/{id}',
    summary: 'Edit a draft',
    request: { params: idParam, ...body(draftPatchSchema) },
    responses: {
      200: json(orderSchema, 'the edited draft'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'put',
    path: '/v1/port-in-orders/{id}/configuration',
    summary: 'Number configuration applied at activation',
    request: { params: idParam, ...body(configurationSchema) },
    responses: {
      200: json(configurationResultSchema, 'the configuration'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'delete',
    path: '/v1/port-in-orders/{id}',
    summary: 'Delete a draft',
    request: { params: idParam },
    responses: {
      204: { description: 'deleted' },
      403: problems[403],
      404: problems[404],
      409: problems[409],
    },
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
      201: json(
        documentSchema.extend({ warnings: z.array(uploadWarningSchema).optional() }),
        'the stored document with its sha256, and warnings (e.g. a bill about to be too old)',
      ),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      413: problemJson('larger than 10 MB'),
      415: problemJson('not a PDF, PNG or JPEG (judged from the content)'),
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/submit',
    summary: 'Validate every intake rule and start the order',
    request: { params: idParam },
    responses: {
      202: json(submittedOrderSchema, 'submitted; `warnings` lists likely carrier rejections'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/events',
    summary: 'The order timeline',
    request: { params: idParam },
    responses: {
      200: json(z.object({ data: z.array(orderEventSchema) }).strict(), 'transitions in order'),
      404: problems[404],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/cancellation-quote',
    summary: 'Fee per number and who may cancel or change the date now',
    request: {
      params: idParam,
      query: z.object({ phoneNumbers: z.string().optional().meta({ description: 'comma-separated' }) }),
    },
    responses: { 200: json(changeQuoteSchema, 'the quote'), 403: problems[403], 404: problems[404] },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/cancel',
    summary: 'Cancel all or some numbers',
    request: { params: idParam, ...body(cancelSchema) },
    responses: {
      200: json(feeResultSchema, 'fees charged'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/port-date',
    summary: 'Change the port date ("supp")',
    request: { params: idParam, ...body(portDateSchema) },
    responses: {
      200: json(portDateResultSchema, 'the new FOC date and fees'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/resubmit',
    summary: 'Resubmit rejected numbers with corrections',
    request: { params: idParam, ...body(resubmitSchema) },
    responses: {
      200: json(resubmitResultSchema, 'resubmitted: the numbers and their attempt'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/review',
    summary: 'Approve or reject (support)',
    request: { params: idParam, ...body(reviewSchema) },
    responses: {
      200: json(reviewResultSchema, 'decided'),
      403: problems[403],
      404: problems[404],
      409: problems[409],
      422: problems[422],
    },
  },
  {
    method: 'get',
    path: '/v1/active-numbers',
    summary: 'Completed numbers with their configuration, by number (cursor pagination)',
    request: { query: listActiveNumbersQuerySchema },
    responses: { 200: json(pageSchema(activeNumberSchema), 'a page of active numbers'), 400: problems[400] },
  },
  {
    method: 'put',
    path: '/v1/webhook-endpoint',
    summary: 'Register the account webhook URL; answers the signing secret once',
    request: body(webhookEndpointSchema),
    responses: {
      200: json(z.object({ url: z.string(), secret: z.string() }).strict(), 'registered'),
      403: problems[403],
      404: problemJson('no such account'),
      422: problems[422],
    },
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoint',
    summary: 'Remove the account webhook',
    request: { query: z.object({ accountId: z.string().optional().meta({ description: 'support' }) }) },
    responses: { 204: { description: 'removed' }, 403: problems[403], 422: problems[422] },
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries',
    summary: 'Webhook delivery log (status, attempts, last error), newest first (cursor pagination)',
    request: { query: listDeliveriesQuerySchema },
    responses: {
      200: json(pageSchema(webhookDeliverySchema), 'a page of deliveries'),
      400: problems[400],
      403: problems[403],
    },
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/republish',
    summary: 'Deliver an event again, with its original id and body',
    request: { params: idParam },
    responses: {
      200: json(republishResultSchema, 'delivered'),
      502: json(republishResultSchema, 'the endpoint did not accept it'),
      403: problems[403],
      404: problems[404],
      409: problemJson('the account has no webhook endpoint'),
    },
  },
  {
    method: 'post',
    path: '/v1/carrier/events',
    summary: 'Carrier events (Standard Webhooks signature)',
    request: body(carrierEventSchema),
    responses: {
      202: json(z.object({ status: z.literal('accepted') }).strict(), 'accepted'),
      200: json(z.object({ status: z.literal('duplicate') }).strict(), 'duplicate webhook-id, ignored'),
      400: problemJson('the body is not JSON'),
      401: problemJson('missing, invalid or stale signature'),
      404: problemJson('no such order'),
      409: problemJson('the order has finished'),
      422: problems[422],
      503: problems[503],
    },
  },
  ...(['decode', 'encode'] as const).map((step): RouteConfig => ({
    method: 'post',
    path: `/codec/${step}`,
    summary: `Temporal codec server: ${step} payloads (Temporal UI and CLI; ops and support keys)`,
    request: body(payloadsSchema),
    responses: {
      200: json(payloadsSchema, `the ${step}d payloads, in the same order`),
      401: problems[401],
      403: problemJson('not an ops or support key'),
      422: problemJson('malformed payloads, or one that cannot be decrypted (unknown key id, altered)'),
    },
  })),
];

/** Paths served without an API key. */
const OPEN_PATHS = new Set(['/healthz', '/readyz', '/v1/carrier/events']);

let cached: object | undefined;
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  for (const route of DOCUMENTED_ROUTES) {
    const open = OPEN_PATHS.has(route.path);
    // What any route may answer besides its own responses: the route's own entries win.
    const common = {
      ...(open ? {} : { 401: problems[401], 429: problems[429], 503: problems[503] }),
      default: problemJson('any other error (problem details)'),
    };
    registry.registerPath({
      ...route,
      responses: { ...common, ...route.responses },
      ...(open ? {} : { security: [{ [bearer.name]: [] }] }),
    });
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
