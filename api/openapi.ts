/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (api/schemas.ts, api/list-queries.ts) and describe responses (api/responses.ts): no second copy
 * of a shape by hand. The end-to-end tests validate every response they get against it.
 */
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
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
  cancellationQuoteQuerySchema,
  listActiveNumbersQuerySchema,
  listDeliveriesQuerySchema,
  listOrdersQuerySchema,
  webhookEndpointQuerySchema,
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
  400: problemJson('invalid query parameters; `errors` names each parameter'),
  401: problemJson('missing or unknown API key'),
  403: problemJson('the API key’s role may not do this'),
  404: problemJson('not found (or not yours)'),
  409: problemJson('refused in the current state; `code` says why'),
  422: problemJson('invalid request; `errors` lists every problem'),
  429: problemJson('too many requests for this API key; retry after `Retry-After`'),
  503: problemJson('Temporal or the store is unavailable; retry after `Retry-After`'),
};

/** What any route reading a JSON body may answer about the body itself, before its own rules. */
const JSON_BODY_PROBLEMS = {
  400: problemJson('the body is not valid JSON, or nests deeper than any request of this API'),
  413: problemJson('the body is larger than this endpoint accepts'),
  415: problemJson('the body is not `application/json`, or not UTF-8'),
  422: problems[422],
};
/** What the document upload may answer about the form itself. */
const MULTIPART_PROBLEMS = {
  400: problemJson(
    'the multipart form cannot be read (no boundary, a malformed or cut-off part, a second file)',
  ),
  413: problemJson('the document is larger than 10 MB, or a form field larger than its limit'),
  415: problemJson(
    'not `multipart/form-data`, or the document is not a PDF, PNG or JPEG (judged from the content)',
  ),
  422: problems[422],
};
/** A path parameter that is not a percent-encoded UTF-8 string (`%FF`). */
const MALFORMED_PATH = problemJson('the path has an invalid percent-encoding (`malformed_path`)');
/** State-changing POSTs of /v1 take an Idempotency-Key (api/idempotency.ts). */
const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const idempotencyHeaders = z.object({
  'Idempotency-Key': z.string().max(IDEMPOTENCY_KEY_MAX_LENGTH).optional().meta({
    description:
      'a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none',
  }),
});
const IDEMPOTENCY_PROBLEMS = {
  409: problemJson('a request with this Idempotency-Key is still being processed'),
  422: problemJson('this Idempotency-Key was used with another body, or is longer than 255 characters'),
};
/** The Standard Webhooks headers the carrier signs its events with. */
const carrierSignatureHeaders = z.object({
  'webhook-id': z.string().meta({ description: 'unique per event; a repeated id is answered `duplicate`' }),
  'webhook-timestamp': z.string().meta({ description: 'Unix seconds; refused when more than 5 minutes off' }),
  'webhook-signature': z
    .string()
    .meta({ description: '`v1,<base64 HMAC-SHA256>` (several separated by spaces)' }),
});

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
      403: problemJson(
        'the key’s role may not create orders, or the account’s plan may not (`plan_not_eligible`)',
      ),
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
      query: cancellationQuoteQuerySchema,
    },
    responses: {
      200: json(changeQuoteSchema, 'the quote'),
      400: problems[400],
      403: problems[403],
      404: problems[404],
    },
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
    request: { query: webhookEndpointQuerySchema },
    responses: {
      204: { description: 'removed' },
      400: problems[400],
      403: problems[403],
      422: problemJson('support did not name the `accountId`'),
    },
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
    request: { headers: carrierSignatureHeaders, ...body(carrierEventSchema) },
    responses: {
      202: json(z.object({ status: z.literal('accepted') }).strict(), 'accepted'),
      200: json(z.object({ status: z.literal('duplicate') }).strict(), 'duplicate webhook-id, ignored'),
      400: problemJson('the body is not JSON'),
      401: problemJson('missing, invalid or stale signature'),
      404: problemJson('no such order'),
      409: problemJson(
        'the order has finished (`order_closed`) or was never submitted (`order_not_submitted`)',
      ),
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

type Responses = RouteConfig['responses'];
/**
 * Joins responses that share a status: the route's own schema wins, and the descriptions of both
 * are kept, so each status lists every reason it can be answered for.
 */
function withResponses(own: Responses, ...generic: Record<string, ResponseConfig>[]): Responses {
  const out: Record<string, ResponseConfig> = { ...(own as Record<string, ResponseConfig>) };
  for (const extra of generic)
    for (const [status, response] of Object.entries(extra)) {
      const mine = out[status];
      const [own, more] = [mine?.description ?? '', response.description ?? ''];
      if (!mine) out[status] = response;
      else if (!own.includes(more)) out[status] = { ...mine, description: `${own}; or ${more}` };
    }
  return out;
}

/**
 * Every status a route can answer, written out: its own, plus what the layers in front of it answer
 * (authentication, rate limit, body parsing, Idempotency-Key). There is no
 * catch-all `default`: a status the document does not list is a bug the contract tests report.
 */
function routeResponses(route: RouteConfig): { responses: Responses; request?: RouteConfig['request'] } {
  const open = OPEN_PATHS.has(route.path);
  const underV1 = route.path.startsWith('/v1/');
  const content = route.request?.body?.content ?? {};
  const generic: Record<string, ResponseConfig>[] = [];
  if (!open) generic.push({ 401: problems[401], 503: problems[503] });
  // The rate limit is mounted on /v1 (after the carrier events router, which the carrier signs).
  if (!open && underV1) generic.push({ 429: problems[429] });
  if (content['application/json']) generic.push(JSON_BODY_PROBLEMS);
  if (content['multipart/form-data']) generic.push(MULTIPART_PROBLEMS);
  // The router decodes path parameters before any handler: a broken percent-escape is a 400.
  if (route.path.includes('{')) generic.push({ 400: MALFORMED_PATH });
  const idempotent = !open && underV1 && route.method === 'post';
  if (idempotent) generic.push(IDEMPOTENCY_PROBLEMS);
  const request = idempotent ? { ...route.request, headers: idempotencyHeaders } : route.request;
  return { responses: withResponses(route.responses, ...generic), ...(request ? { request } : {}) };
}

let cached: object | undefined;
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  for (const route of DOCUMENTED_ROUTES) {
    const open = OPEN_PATHS.has(route.path);
    registry.registerPath({
      ...route,
      ...routeResponses(route),
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
