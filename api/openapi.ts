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
import { commentListSchema, commentSchema, createCommentSchema } from './comment-schemas';
import { signatureRequestResultSchema, signatureRequestSchema } from './loa-schemas';
import { CHECKLIST_ROUTES } from './openapi-checklist';
import { NOT_PORTABLE_REASONS, portabilityCheckSchema } from './routes/portability-checks';
import { COMPONENT_DESCRIPTIONS, describeProperties } from './openapi-glossary';
import { operationDocs, ORDER_STATE_WORDS, TAGS, type OperationDocs } from './openapi-operations';
import { draftExample } from './openapi-examples';
import { meSchema } from './routes/me';
import { reviewQueuePageSchema, reviewQueueQuerySchema } from './routes/review-queue';
import { orderWorkflowSchema } from './routes/order-workflow';

const problem = problemSchema;

const notPortableReason = z.enum(Object.keys(NOT_PORTABLE_REASONS) as [keyof typeof NOT_PORTABLE_REASONS]);
const portabilityCheckResult = z
  .object({
    data: z.array(
      z.object({
        input: z.string().meta({ description: 'the number as it was sent' }),
        phoneNumber: z.string().optional().meta({ description: 'E.164, when the input is a valid number' }),
        country: z.string().optional().meta({ description: 'the number’s country (ISO 3166-1 alpha-2)' }),
        lineType: z.enum(['landline', 'wireless', 'voip', 'toll_free']).optional().meta({
          description: 'from the carrier’s look-up; a wireless number needs the port PIN (docs/rules.md §3)',
        }),
        losingCarrier: z.string().optional().meta({ description: 'the carrier the number would leave' }),
        portable: z.boolean().meta({ description: 'whether an order for this number can be submitted now' }),
        reason: notPortableReason.optional().meta({ description: 'the first of `reasons`' }),
        reasons: z
          .array(
            z.object({
              code: notPortableReason.meta({ description: 'why not (docs/rules.md §2)' }),
              message: z.string().meta({ description: 'the same, for a person, with what to do instead' }),
            }),
          )
          .optional()
          .meta({ description: 'every reason the number cannot be ported' }),
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

const idParam = z.object({
  id: z.string().meta({
    description:
      'the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in',
  }),
});
const deliveryIdParam = z.object({
  id: z.string().meta({ description: 'the delivery’s `id`, from `GET /v1/webhook-deliveries`' }),
});
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

/** Every route of the API, documented. The test suite checks this list against the running app. */
export const DOCUMENTED_ROUTES: RouteConfig[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    responses: {
      200: json(z.object({ status: z.literal('ok').meta({ description: 'always `ok`' }) }).strict(), 'alive'),
    },
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
            schema: documentMetaSchema.extend({
              file: z.string().meta({
                format: 'binary',
                description: 'the document: PDF, PNG or JPEG (judged from its bytes), at most 10 MB',
              }),
            }),
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
    path: '/v1/port-in-orders/{id}/loa',
    summary:
      'The order’s letter of authorization as a PDF, filled in from the order (the toll-free template for toll-free numbers); the account number in full for the account’s customer only (staff: masked)',
    request: { params: idParam },
    responses: {
      200: {
        description: 'the LOA (`Cache-Control: no-store`)',
        content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
      },
      403: problems[403],
      404: problems[404],
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/loa/signature-requests',
    summary:
      'Email the authorized person a single-use link (72 h) to sign the draft’s LOA online (`/loa-signing/…`, a plain HTML page); the signed PDF, with its signature block and audit trail, becomes the order’s LOA document',
    request: { params: idParam, ...body(signatureRequestSchema) },
    responses: {
      201: json(
        signatureRequestResultSchema,
        'the link is on its way (the link itself is only in the email)',
      ),
      403: problems[403],
      404: problems[404],
      409: problemJson('the order is no longer a draft (`not_a_draft`)'),
      422: problems[422],
      503: problems[503],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/comments',
    summary: 'The order’s comment thread, oldest first (customers never see internal notes)',
    request: { params: idParam },
    responses: { 200: json(commentListSchema, 'the comments'), 404: problems[404] },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/comments',
    summary:
      'Comment on a submitted order: on its timeline, and the other side is told once (support’s comment: email and `port_in_order.comment_added` webhook; the customer’s: an ops alert). Support may write internal notes (`internal: true`), told to no one.',
    request: { params: idParam, ...body(createCommentSchema) },
    responses: {
      201: json(commentSchema, 'the stored comment'),
      403: problemJson('the key’s role may not comment, or a customer asked for an internal note'),
      404: problems[404],
      409: problemJson('the order is still a draft (`not_submitted`) or has finished (`order_closed`)'),
      422: problems[422],
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
    path: '/v1/review-queue',
    summary: 'Orders waiting for staff review, oldest first, with the review deadline (support, ops)',
    request: { query: reviewQueueQuerySchema },
    responses: {
      200: json(reviewQueuePageSchema, 'a page of the queue'),
      400: problems[400],
      403: problems[403],
    },
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/workflow',
    summary: 'The order’s workflow and its page in the Temporal UI (support, ops)',
    request: { params: idParam },
    responses: {
      200: json(orderWorkflowSchema, 'the workflow'),
      403: problems[403],
      404: problems[404],
      409: problemJson('a draft has no workflow yet (`not_submitted`)'),
    },
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'Who this API key is: role and account (the console asks it at sign-in)',
    responses: { 200: json(meSchema, 'the caller') },
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
    request: { params: deliveryIdParam },
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
      202: json(
        z
          .object({
            status: z.literal('accepted').meta({ description: 'signalled to the order’s workflow' }),
          })
          .strict(),
        'accepted',
      ),
      200: json(
        z
          .object({
            status: z.literal('duplicate').meta({ description: 'this `webhook-id` was applied before' }),
          })
          .strict(),
        'duplicate webhook-id, ignored',
      ),
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
  ...CHECKLIST_ROUTES, // issue 14: requirements, port-date options, documents back (api/openapi-checklist.ts)
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
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Port-in orchestrator API',
      version: '1',
      description: [
        'Port phone numbers in: drafts, documents, submission, review, cancellations and port-date changes with fees, carrier events. The rules each operation enforces are in `docs/rules.md` (sections cited as §N).',
        '',
        '**Trying it here** (local `npm start`): press *Authorize* and enter a demo key: `demo-customer-key` (customer of `acct_demo_standard`), `demo-support-key` (support: review), `demo-ops-key` (ops: read-only, codec). The request examples tell one story: create the draft with the example, upload its LOA and a bill (`issuedOn`: a date of the last 30 days), submit, approve with the support key; its number belongs to the demo carrier, which grants today’s FOC date, so the order completes within a minute. Each operation on an order says the state the order must be in (`x-order-status`).',
      ].join('\n'),
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
  }) as unknown as GeneratedDocument;
  cached = teach(document, operationDocs());
  return cached;
}

interface GeneratedOperation {
  tags?: string[];
  description?: string;
  parameters?: { in: string; name: string; example?: unknown; schema?: object }[];
  requestBody?: { content: Record<string, { example?: unknown; schema?: SchemaWithProperties }> };
  responses: Record<string, { content?: Record<string, { example?: unknown; schema?: object }> }>;
  [extension: `x-${string}`]: unknown;
}
interface SchemaWithProperties {
  properties?: Record<string, { example?: unknown }>;
}
interface GeneratedDocument {
  paths: Record<string, Record<string, GeneratedOperation>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

/**
 * Adds what a reader of /docs needs beside the shapes: each operation's tag, description, roles,
 * required order state and examples (api/openapi-operations.ts; what a route states itself wins),
 * and the description of every property the schemas leave undescribed (api/openapi-glossary.ts).
 */
function teach(document: GeneratedDocument, docs: Record<string, OperationDocs>): GeneratedDocument {
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations)) {
      const own = docs[`${method.toUpperCase()} ${path}`];
      if (own) {
        if (own.tag) operation.tags ??= [own.tag];
        operation.description ??= own.description;
        operation['x-roles'] ??= own.roles;
        if (own.orderStatus && operation['x-order-status'] === undefined) {
          operation['x-order-status'] = own.orderStatus;
          const state = `**Try it out with** ${ORDER_STATE_WORDS[own.orderStatus]}.`;
          operation.description = operation.description ? `${operation.description}\n\n${state}` : state;
        }
        for (const media of Object.values(operation.requestBody?.content ?? {}))
          if (own.example !== undefined) {
            media.example ??= own.example;
            // Swagger UI fills a form's fields from its properties' examples, not the media's.
            for (const [field, value] of Object.entries(own.example as Record<string, unknown>))
              if (media.schema?.properties?.[field]) media.schema.properties[field].example ??= value;
          }
        for (const parameter of operation.parameters ?? [])
          if (parameter.in === 'query' && own.queryExamples?.[parameter.name] !== undefined)
            parameter.example ??= own.queryExamples[parameter.name];
      }
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        describeProperties(media.schema, []);
      for (const response of Object.values(operation.responses))
        for (const media of Object.values(response.content ?? {})) describeProperties(media.schema, []);
    }
  // Drafts show their numbers: the create answer's example is a draft as the API answers it.
  const created = document.paths['/v1/port-in-orders']?.post?.responses['201']?.content?.['application/json'];
  if (created) created.example ??= { orders: [draftExample()] };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    schema.description ??= COMPONENT_DESCRIPTIONS[name];
    describeProperties(schema, [name]);
  }
  return document;
}
