/** /v1/port-in-orders: drafts, documents, submission, and the actions that talk to the workflow. */
import { Router, type Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { localDate } from '../../domain/calendar';
import { orderTimeZone } from '../../domain/address';
import { normalizePhoneNumber } from '../../domain/phone-numbers';
import { duplicatePhoneNumberProblems } from '../../domain/number-holds';
import type { PortInOrderDraft } from '../../domain/order';
import { validateSubmission } from '../../domain/validation';
import { assessStoredOrder, zoneOf } from '../submission-check';
import { timelineEntryVisibleTo } from '../../domain/comments';
import { resubmissionRefusal } from '../../domain/resubmission';
import { BILL_PROBLEMS, billIssueDate } from '../../domain/intake/documents';
import { numberCountProblem, planRefusal, REQUEST_MAX_NUMBERS } from '../../domain/intake/eligibility';
import { splitDraftNumbers } from '../../domain/splitting';
import type { CarrierGateway } from '../../carrier/gateway';
import type { FieldCipher } from '../../security/field-crypto';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import { claimNumbers, releaseNumbers } from '../../store/number-holds';
import { catchUpOrder } from '../../store/order-catch-up';
import { deleteDocumentContent, saveDocumentContent } from '../../store/documents';
import {
  DEFAULT_POLICY,
  TASK_QUEUE,
  cancelUpdate,
  changePortDateUpdate,
  changeQuoteQuery,
  resubmitUpdate,
  statusQuery,
  reviewUpdate,
  workflowIdFor,
  type Actor,
  type OrderPolicy,
  type PortInOrderInput,
} from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';
import { allow, canSee, principalOf } from '../auth';
import { orderView } from '../order-view';
import { HttpProblem, notFound, ProblemCollector } from '../problems';
import { singleFileUpload } from '../multipart';
import { rememberRouteBase, type Metrics } from '../observability';
import {
  cancellationQuoteQuerySchema,
  createdWindow,
  listOrdersQuerySchema,
  orderMatches,
  parseQuery,
} from '../list-queries';
import { positionCursor, readPosition } from '../pagination';
import { claimSlots, listNames, readListPage } from '../../store/list-index';
import { orderLists } from '../../store/listed-items';
import {
  cancelSchema,
  configurationSchema,
  createOrderSchema,
  draftPatchSchema,
  type CreateOrderBody,
  documentMetaSchema,
  parse,
  portDateSchema,
  resubmitSchema,
  reviewSchema,
} from '../schemas';

export interface OrderRouteDeps {
  store: Store;
  temporal: Client;
  cipher: FieldCipher;
  carrier: CarrierGateway;
  taskQueue?: string;
  autoApproveCleanOrders: boolean;
  metrics: Metrics;
  /** Operator overrides of the order policy (timers, fees) for every order started from now on. */
  policyOverrides?: Partial<OrderPolicy>;
}

/**
 * Slots read for one list page at most (store/list-index.ts): a filter that matches few orders
 * answers a shorter page, with a cursor to go on, rather than reading the whole account.
 */
const LIST_READ_BUDGET = 250;

/** A list the schema refused that can still be checked number by number: strings, and not too many. */
const plausibleNumberList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length <= REQUEST_MAX_NUMBERS && value.every((n) => typeof n === 'string')
    ? (value as string[])
    : undefined;

/** What the bytes are, whatever the client declared: only PDF, PNG and JPEG are accepted. */
export function sniffDocumentType(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export function ordersRouter(deps: OrderRouteDeps): Router {
  const { store, temporal, cipher, carrier } = deps;
  const { Order, OrderEvent, Account } = store.models;
  const router = Router();
  router.use(rememberRouteBase);

  const actorOf = (req: Request): Actor => {
    const p = principalOf(req);
    return { role: p.role, id: p.keyName };
  };
  const loadVisible = async (req: Request) => {
    const order = (await Order.findById(String(req.params.id)).lean()) as StoredOrder | null;
    if (!order || !canSee(principalOf(req), order.accountId)) throw notFound('port-in order');
    return order;
  };
  const normalizedOrThrow = (raw: string[], country: string): string[] => {
    const numbers = raw.map((n) => normalizePhoneNumber(n, country));
    const keys = numbers.map((n) => (n.ok ? n.e164 : undefined));
    const bad = numbers.map((n, i) => ({ n, i })).filter(({ n }) => !n.ok);
    // Two spellings of one number are an input error (rulebook section 2), never silently merged.
    const duplicates = duplicatePhoneNumberProblems(raw, keys);
    if (bad.length || duplicates.length)
      throw new HttpProblem(
        422,
        bad.length ? 'invalid_phone_number' : 'duplicate_number',
        bad.length ? 'some phone numbers are not valid' : 'some phone numbers are listed more than once',
        [
          ...bad.map(({ i }) => ({
            code: 'invalid_phone_number',
            field: `phoneNumbers[${i}]`,
            message: `${raw[i]} is not a valid phone number`,
          })),
          ...duplicates,
        ],
      );
    return keys as string[];
  };
  /** The stored draft: carrier secrets sealed, never kept in clear. */
  const sealedDraft = (body: CreateOrderBody, accountId: string, phoneNumbers: string[]) => {
    const { accountNumber, pin, ...losing } = body.losingCarrier;
    const { phoneNumbers: _raw, ...rest } = body;
    return {
      ...rest,
      accountId,
      numbers: phoneNumbers.map((phoneNumber) => ({ phoneNumber })),
      documents: [],
      losingCarrier: {
        ...losing,
        ...(accountNumber ? { accountNumberSealed: cipher.encrypt(accountNumber) } : {}),
        ...(pin ? { pinSealed: cipher.encrypt(pin) } : {}),
      },
    };
  };
  const requireDraft = (order: StoredOrder) => {
    if (order.status !== 'draft')
      throw new HttpProblem(409, 'not_a_draft', `the order is ${order.status}; only drafts can be edited`);
  };

  router.post('/', allow('customer', 'support'), async (req, res) => {
    // Every independent check runs, so one 422 names every problem (the schema's, the account's,
    // each number's); checks that need a field the schema refused read it from the raw body if usable.
    const problems = new ProblemCollector();
    const parsed = problems.collect(() => parse(createOrderSchema, req.body));
    const raw = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const p = principalOf(req);
    const named = parsed?.accountId ?? (typeof raw.accountId === 'string' ? raw.accountId : undefined);
    const accountId = p.role === 'customer' ? p.accountId! : named;
    if (!accountId)
      problems.add(
        { code: 'required', field: 'accountId', message: 'required for support' },
        'invalid_request',
      );
    const account = accountId ? await Account.findById(accountId, { plan: 1 }).lean() : null;
    if (accountId && !account)
      problems.add({ code: 'unknown_account', field: 'accountId', message: `no account ${accountId}` });
    // At the door: a plan that may not port gets no draft to fail at submit later.
    const planRefused = account ? planRefusal(account.plan) : undefined;
    if (planRefused)
      throw new HttpProblem(403, 'plan_not_eligible', planRefused.message, [planRefused], {
        plan: account!.plan,
      });
    const country = parsed?.country ?? (typeof raw.country === 'string' ? raw.country : undefined);
    const rawNumbers = parsed?.phoneNumbers ?? plausibleNumberList(raw.phoneNumbers);
    if (rawNumbers) {
      const tooMany = numberCountProblem(rawNumbers.length, p.role, raw.projectPort === true);
      if (tooMany) problems.add(tooMany);
    }
    const phoneNumbers =
      country && rawNumbers ? problems.collect(() => normalizedOrThrow(rawNumbers, country)) : undefined;
    problems.throwIfAny();
    const body = parsed!;
    if (!accountId || !phoneNumbers) throw new Error('unreachable: checked above');
    // Numbers on different losing-carrier accounts, or toll-free mixed with local, port as separate
    // orders (carriers take one account per request; toll-free goes through the RespOrg change).
    const groups = splitDraftNumbers(
      phoneNumbers.map((phoneNumber) => ({ phoneNumber })),
      await carrier.lookupNumbers(phoneNumbers),
    );
    const created = [];
    for (const group of groups) {
      const draft = sealedDraft(body, accountId, group.phoneNumbers);
      const id = `pio_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      // Listed first: a slot whose order is never written is skipped by the list (store/list-index.ts).
      const listSlots = await claimSlots(store, orderLists(accountId), id, new Date());
      const order = await Order.create({
        _id: id,
        listSlots,
        accountId,
        status: 'draft',
        customerReference: body.customerReference,
        country: body.country,
        timeZone: orderTimeZone(draft as unknown as PortInOrderDraft) ?? 'America/New_York',
        draft,
        phoneNumbers: group.phoneNumbers,
        numbers: [],
      });
      created.push({
        ...orderView(order.toObject() as unknown as StoredOrder, cipher),
        ...(groups.length > 1 ? { splitReason: group.description } : {}),
      });
    }
    res.status(201).json({ orders: created });
  });

  router.patch('/:id', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisible(req);
    requireDraft(order);
    // As at create: the schema's problems and each number's, in one answer.
    const problems = new ProblemCollector();
    const parsed = problems.collect(() => parse(draftPatchSchema, req.body));
    const raw = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const requested = parsed ? parsed.phoneNumbers : plausibleNumberList(raw.phoneNumbers);
    let phoneNumbers: string[] | undefined;
    if (requested) {
      const projectPort = (parsed ? parsed.projectPort : undefined) ?? order.draft.projectPort === true;
      const tooMany = numberCountProblem(requested.length, principalOf(req).role, projectPort);
      if (tooMany) problems.add(tooMany);
      phoneNumbers = problems.collect(() => normalizedOrThrow(requested, order.country));
    }
    problems.throwIfAny();
    const patch = parsed!;
    const set: Record<string, unknown> = {};
    const { losingCarrier, phoneNumbers: _raw, ...plain } = patch;
    for (const [key, value] of Object.entries(plain)) if (value !== undefined) set[`draft.${key}`] = value;
    if (losingCarrier) {
      const { accountNumber, pin, ...rest } = losingCarrier;
      for (const [key, value] of Object.entries(rest)) set[`draft.losingCarrier.${key}`] = value;
      if (accountNumber) set['draft.losingCarrier.accountNumberSealed'] = cipher.encrypt(accountNumber);
      if (pin) set['draft.losingCarrier.pinSealed'] = cipher.encrypt(pin);
    }
    if (phoneNumbers) {
      set.phoneNumbers = phoneNumbers;
      set['draft.numbers'] = phoneNumbers.map((phoneNumber) => ({ phoneNumber }));
    }
    if (patch.customerReference !== undefined) set.customerReference = patch.customerReference;
    const updated = await Order.findOneAndUpdate(
      { _id: order._id, status: 'draft' },
      { $set: set },
      { new: true },
    ).lean();
    if (!updated) throw new HttpProblem(409, 'not_a_draft', 'the order was submitted meanwhile');
    const next = updated as unknown as StoredOrder;
    const timeZone = orderTimeZone(next.draft as unknown as PortInOrderDraft);
    if (timeZone && timeZone !== next.timeZone)
      await Order.updateOne({ _id: order._id }, { $set: { timeZone } });
    res.json(orderView({ ...next, timeZone: timeZone ?? next.timeZone }, cipher));
  });

  router.put('/:id/configuration', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisible(req);
    const configuration = parse(configurationSchema, req.body);
    // Applied at activation (the activity reads it then), so it may change until a number is activated.
    if (order.status !== 'draft' && order.numbers.some((n) => (n as { activated?: boolean }).activated))
      throw new HttpProblem(
        409,
        'number_closed',
        'numbers of this order are already activated with their configuration',
      );
    if (['completed', 'rejected', 'canceled'].includes(order.status))
      throw new HttpProblem(409, 'order_closed', `the order is ${order.status}`);
    await Order.updateOne({ _id: order._id }, { $set: { 'draft.configuration': configuration } });
    res.json({ configuration });
  });

  router.get('/', async (req, res) => {
    const { cursor, limit, ...filters } = parseQuery(listOrdersQuerySchema, req.query);
    const p = principalOf(req);
    const accountId = p.role === 'customer' ? p.accountId : filters.accountId;
    // Everything that selects the list: a cursor is refused with other filters or another account.
    const scope = { ...filters, accountId };
    const page = await readListPage(store, {
      list: accountId ? listNames.ordersOfAccount(accountId) : listNames.allOrders,
      from: readPosition(cipher, scope, cursor),
      limit,
      budget: LIST_READ_BUDGET,
      fetch: async (id) => (await Order.findById(id).lean()) as StoredOrder | null,
      slotsOf: (order) => order.listSlots,
      matches: (order) => orderMatches(order, scope),
      ...createdWindow(filters.createdFrom, filters.createdTo),
    });
    res.json({
      data: page.items.map((o) => orderView(o, cipher)),
      nextCursor: positionCursor(cipher, scope, page.next),
    });
  });

  router.get('/:id', async (req, res) => {
    res.json(orderView(await loadVisible(req), cipher));
  });

  router.delete('/:id', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisible(req);
    requireDraft(order);
    await Order.deleteOne({ _id: order._id, status: 'draft' });
    res.status(204).end();
  });

  router.post('/:id/documents', allow('customer', 'support'), singleFileUpload('file'), async (req, res) => {
    const order = await loadVisible(req);
    requireDraft(order);
    const problems = new ProblemCollector();
    const meta = problems.collect(() => parse(documentMetaSchema, req.body));
    const warnings =
      meta?.kind === 'bill'
        ? (problems.collect(() => billUploadWarnings(meta.issuedOn, zoneOf(order))) ?? [])
        : [];
    if (!req.file)
      problems.add(
        { code: 'required', field: 'file', message: 'attach the document as the multipart field "file"' },
        'invalid_request',
      );
    problems.throwIfAny();
    if (!meta || !req.file) throw new Error('unreachable: checked above');
    const contentType = sniffDocumentType(req.file.buffer);
    if (!contentType)
      throw new HttpProblem(
        415,
        'unsupported_document_type',
        'documents must be PDF, PNG or JPEG (checked from the content, not the declared type)',
      );
    const sha256 = createHash('sha256').update(req.file.buffer).digest('hex');
    const id = `doc_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    // Chunks keyed by the document id, so a download reads by _id only (store/documents.ts).
    await saveDocumentContent(store, id, order._id, req.file.buffer);
    const uploadedAt = new Date().toISOString();
    const document = { id, ...meta, contentType, sha256, size: req.file.size, uploadedAt };
    const added = await Order.updateOne(
      { _id: order._id, status: 'draft' },
      { $push: { 'draft.documents': document } },
    );
    if (added.modifiedCount === 0) {
      // Submitted (or deleted) while the file was stored: refused, so the file goes too.
      await deleteDocumentContent(store, id, req.file.size).catch(() => undefined);
      throw new HttpProblem(409, 'not_a_draft', 'the order was submitted meanwhile');
    }
    res.status(201).json({ ...document, ...(warnings.length ? { warnings } : {}) });
  });

  router.post('/:id/submit', allow('customer', 'support'), async (req, res) => {
    const order = await loadVisible(req);
    const p = principalOf(req);
    const workflowId = workflowIdFor(order._id);
    if (order.status !== 'draft')
      throw new HttpProblem(409, 'already_submitted', `the order is already ${order.status}`);
    // The same assessment the requirements checklist answers (api/submission-check.ts): they never disagree.
    const { inputs, assessment } = await assessStoredOrder(deps, order, p, Date.now());
    const { draft, context, lookups } = inputs;
    const phoneNumbers: string[] = order.phoneNumbers;
    const refuseIfInvalid = ({ problems, warnings }: ReturnType<typeof validateSubmission>) => {
      if (problems.length)
        throw new HttpProblem(
          422,
          'submission_invalid',
          `the order cannot be submitted: ${problems.length} problem(s)`,
          problems,
          { warnings },
        );
    };
    refuseIfInvalid(assessment);
    const { warnings } = assessment;
    // One open order per number, atomically: each number is claimed by inserting its hold (unique
    // _id). A claim lost to a concurrent submit is the same refusal as a hold found above.
    const owner = { orderId: order._id, accountId: order.accountId };
    const claim = await claimNumbers(deps.store, owner, phoneNumbers);
    if (claim.taken.length) {
      await releaseNumbers(deps.store, order._id, claim.claimed);
      refuseIfInvalid(validateSubmission(draft, { ...context, numbersInOtherOpenOrders: claim.taken }));
      // Unreachable while the draft's numbers are the order's: refuse anyway rather than submit.
      throw new HttpProblem(409, 'number_in_open_order', `held elsewhere: ${claim.taken.join(', ')}`);
    }
    const losingCarrier =
      lookups.find((l) => l.losingCarrier)?.losingCarrier ?? order.draft.losingCarrier?.name ?? 'unknown';
    const input: PortInOrderInput = {
      orderId: order._id,
      accountId: order.accountId,
      country: order.country,
      timeZone: order.timeZone,
      losingCarrier,
      phoneNumbers,
      capabilities: order.draft.configuration?.capabilities === 'voice' ? 'voice' : 'voice+sms',
      ...(order.draft.requestedPortDate ? { requestedPortDate: order.draft.requestedPortDate } : {}),
      ...(order.customerReference ? { customerReference: order.customerReference } : {}),
      policy: {
        ...DEFAULT_POLICY,
        ...deps.policyOverrides,
        autoApproveCleanOrders: deps.autoApproveCleanOrders,
      },
    };
    // Mark submitted first (guarded on draft): a concurrent second submit loses here, and the
    // workflow id (the order id) makes a repeated start impossible anyway.
    const submitted = {
      status: 'in_review',
      submittedAt: new Date(),
      workflowId,
      numbers: phoneNumbers.map((phoneNumber) => ({
        phoneNumber,
        status: 'in_review',
        activated: false,
        attempt: 0,
      })),
    };
    const marked = await Order.updateOne({ _id: order._id, status: 'draft' }, { $set: submitted });
    if (marked.modifiedCount === 0) {
      // Submitted concurrently: that submit owns the same holds. Deleted meanwhile: nothing may hold.
      if (!(await Order.exists({ _id: order._id })))
        await releaseNumbers(deps.store, order._id, phoneNumbers);
      throw new HttpProblem(409, 'already_submitted', 'the order was submitted concurrently');
    }
    try {
      await temporal.workflow.start(portInOrderWorkflow, {
        taskQueue: deps.taskQueue ?? TASK_QUEUE,
        workflowId,
        args: [input],
        staticSummary: `Port-in ${order._id}: ${phoneNumbers.length} number(s) from ${losingCarrier}`,
        staticDetails: `Account ${order.accountId}, country ${order.country}, zone ${order.timeZone}`,
      });
      deps.metrics.workflowStarts.inc();
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        // Back to the draft exactly as it was: nothing of the submission may stay half-written. (Had the
        // start reached Temporal after all, a new submit finds the workflow, and its first snapshot
        // rewrites this read model anyway.)
        await Order.updateOne(
          { _id: order._id, status: 'in_review' },
          { $set: { status: 'draft', numbers: [] }, $unset: { submittedAt: 1, workflowId: 1 } },
        );
        await releaseNumbers(deps.store, order._id, phoneNumbers);
        throw err;
      }
    }
    res.status(202).json({ ...orderView({ ...order, ...submitted }, cipher), warnings });
  });

  router.get('/:id/events', async (req, res) => {
    const order = await loadVisible(req);
    // Timeline entries are keyed `orderId:seq` with seq 1..snapshotSeq: read by _id (an index search),
    // never by orderId (a scan of every order's timeline; see docs/store.md).
    const seqs = Array.from({ length: Math.max(0, order.snapshotSeq ?? 0) }, (_, i) => i + 1);
    const found = await Promise.all(seqs.map((seq) => OrderEvent.findById(`${order._id}:${seq}`).lean()));
    // Internal notes' entries are staff-only, like the notes (domain/comments.ts).
    const { role } = principalOf(req);
    const events = found.filter((e) => e !== null).filter((e) => timelineEntryVisibleTo(role, e.type ?? ''));
    // Named fields only: storage details (_id, __v) are not part of the timeline.
    res.json({
      data: events.map((e) => ({
        orderId: e.orderId,
        seq: e.seq,
        at: e.at,
        type: e.type,
        phoneNumbers: e.phoneNumbers ?? [], // an order-level entry (a comment) names no number
        detail: e.detail ?? undefined,
      })),
    });
  });

  const handleFor = (orderId: string) => temporal.workflow.getHandle(workflowIdFor(orderId));
  const requireSubmitted = (order: StoredOrder) => {
    if (order.status === 'draft')
      throw new HttpProblem(
        409,
        'not_submitted',
        'the order is still a draft: delete it instead, no fee applies',
      );
  };
  /** Runs an update; a refusal from the workflow becomes a 409 carrying its stable code. */
  const update = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      deps.metrics.workflowMessageFailures.inc({
        kind: err instanceof WorkflowUpdateFailedError ? 'update_refused' : 'update_failed',
      });
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        throw new HttpProblem(409, err.cause.type ?? 'refused', err.cause.message);
      }
      if ((err as Error).name === 'WorkflowNotFoundError')
        throw new HttpProblem(409, 'order_closed', 'the order has finished; nothing can change it any more');
      throw err;
    }
  };

  /**
   * Read-your-writes: the order as it stands once an update answered, as a GET right after shows
   * it. The workflow's snapshot (a query, so its state includes the update) is written ahead of the
   * workflow's own persist when it is newer than what is stored (store/order-catch-up.ts), then the
   * order is read back. The action is done by then: a failure here only leaves the read model to
   * the workflow's persist, a moment later, and never fails the answer.
   */
  const orderAfterUpdate = async (orderId: string) => {
    try {
      await catchUpOrder(store, await handleFor(orderId).query(statusQuery));
    } catch (err) {
      deps.metrics.workflowMessageFailures.inc({ kind: 'read_your_writes_failed' });
      console.warn(`read-your-writes: order ${orderId} not caught up: ${(err as Error).message}`);
    }
    return orderView((await Order.findById(orderId).lean()) as unknown as StoredOrder, cipher);
  };

  router.get('/:id/cancellation-quote', allow('customer', 'support'), async (req, res) => {
    const query = parseQuery(cancellationQuoteQuerySchema, req.query);
    const order = await loadVisible(req);
    if (order.status === 'draft')
      return res.json({ currency: 'USD', numbers: [], totalCents: 0, allowed: true });
    const phoneNumbers = query.phoneNumbers?.split(',');
    const quote = await handleFor(order._id).query(changeQuoteQuery, {
      role: principalOf(req).role,
      // A query cannot move workflow time forward: quote at the caller's clock, or fees go stale.
      asOf: Date.now(),
      ...(phoneNumbers ? { phoneNumbers } : {}),
    });
    res.json(quote);
  });

  router.post('/:id/cancel', allow('customer', 'support'), async (req, res) => {
    const body = parse(cancelSchema, req.body ?? {});
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await update(() =>
      handleFor(order._id).executeUpdate(cancelUpdate, { args: [{ actor: actorOf(req), ...body }] }),
    );
    res.json({ ...result, order: await orderAfterUpdate(order._id) });
  });

  router.post('/:id/port-date', allow('customer', 'support'), async (req, res) => {
    const body = parse(portDateSchema, req.body);
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await update(() =>
      handleFor(order._id).executeUpdate(changePortDateUpdate, {
        args: [{ actor: actorOf(req), ...body }],
      }),
    );
    res.json({ ...result, order: await orderAfterUpdate(order._id) });
  });

  router.post('/:id/resubmit', allow('customer', 'support'), async (req, res) => {
    const body = parse(resubmitSchema, req.body ?? {});
    const order = await loadVisible(req);
    requireSubmitted(order);
    // Refused means unchanged: the workflow's own rule (domain/resubmission.ts), asked against its
    // status, refuses before anything is written.
    const status = await update(() => handleFor(order._id).query(statusQuery));
    const refusal = resubmissionRefusal(
      status.numbers.map((n) => ({
        phoneNumber: n.phoneNumber,
        status: n.status,
        resubmitBy: n.rejection?.resubmitBy ? Date.parse(n.rejection.resubmitBy) : undefined,
        submissionRefused: n.submissionRefusal !== undefined,
      })),
      body.phoneNumbers,
      Date.now(),
    );
    if (refusal) throw new HttpProblem(409, refusal.code, refusal.message);
    // Corrections are stored (secrets sealed) before the workflow resubmits, since its submission reads
    // them from the store; only field names travel to it.
    const set: Record<string, unknown> = {};
    if (body.corrections.accountNumber)
      set['draft.losingCarrier.accountNumberSealed'] = cipher.encrypt(body.corrections.accountNumber);
    if (body.corrections.pin) set['draft.losingCarrier.pinSealed'] = cipher.encrypt(body.corrections.pin);
    if (body.corrections.btn) set['draft.losingCarrier.btn'] = body.corrections.btn;
    for (const [k, v] of Object.entries(body.corrections.authorizedPerson ?? {}))
      set[`draft.authorizedPerson.${k}`] = v;
    if (Object.keys(set).length) await Order.updateOne({ _id: order._id }, { $set: set });
    let result;
    try {
      result = await update(() =>
        handleFor(order._id).executeUpdate(resubmitUpdate, {
          args: [
            {
              actor: actorOf(req),
              correctedFields: Object.keys(body.corrections),
              ...(body.phoneNumbers ? { phoneNumbers: body.phoneNumbers } : {}),
            },
          ],
        }),
      );
    } catch (err) {
      // Refused after all (the order moved between the question and the update): put back what was
      // there, unless someone has written those fields since. An outage is not a refusal: the update
      // may still run, and needs the corrections.
      if (err instanceof HttpProblem && Object.keys(set).length) await restoreFields(order, set);
      throw err;
    }
    res.json({ ...result, order: await orderAfterUpdate(order._id) });
  });

  /** Puts back the stored values of `written` paths (as in `before`), if they still hold what was written. */
  const restoreFields = async (before: StoredOrder, written: Record<string, unknown>) => {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, 1> = {};
    for (const path of Object.keys(written)) {
      const value = path
        .split('.')
        .reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], before);
      if (value === undefined) $unset[path] = 1;
      else $set[path] = value;
    }
    $set.updatedAt = (before as { updatedAt?: Date }).updatedAt;
    await Order.updateOne(
      { _id: before._id, ...written },
      { $set, ...(Object.keys($unset).length ? { $unset } : {}) },
      { timestamps: false },
    );
  };

  router.post('/:id/review', allow('support'), async (req, res) => {
    const body = parse(reviewSchema, req.body);
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await update(() =>
      handleFor(order._id).executeUpdate(reviewUpdate, { args: [{ actor: actorOf(req), ...body }] }),
    );
    res.json({ ...result, order: await orderAfterUpdate(order._id) });
  });

  return router;
}

/**
 * A bill must carry the issue date printed on it: without a real one it can never count, so the
 * upload is refused. A stale bill is kept (the customer may add a CSR instead) but flagged at once
 * rather than only at submit.
 */
function billUploadWarnings(issuedOn: string | undefined, timeZone: string) {
  const date = billIssueDate(issuedOn, localDate(Date.now(), timeZone));
  if (date === 'ok') return [];
  const [code, message] = BILL_PROBLEMS[date];
  if (date === 'too_old') return [{ code, field: 'issuedOn', message }];
  throw new HttpProblem(422, 'invalid_request', message, [{ code, field: 'issuedOn', message }]);
}
