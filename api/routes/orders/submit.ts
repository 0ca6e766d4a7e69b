/**
 * POST …/submit: every intake rule at once (the requirements checklist's own assessment), then the
 * draft's revision and its numbers claimed by insert, the order marked submitted, its workflow started.
 */
import type { RequestHandler } from 'express';
import { reviewDeadline } from '../../../domain/lifecycle';
import { portingCharges } from '../../../domain/porting-charges';
import { validateSubmission } from '../../../domain/validation';
import { claimNumbers, releaseNumbers } from '../../../store/number-holds';
import {
  atRevision,
  claimDraftRevision,
  draftRevisionOf,
  releaseDraftRevision,
} from '../../../store/draft-revisions';
import { enqueueForReview } from '../../../store/review-queue';
import { DEFAULT_POLICY, type PortInOrderInput } from '../../../workflows/messages';
import { principalOf } from '../../auth';
import { orderView } from '../../order-view';
import { HttpProblem } from '../../problems';
import { assessStoredOrder } from '../../submission-check';
import type { OrderContext } from './context';

export const submitOrder =
  ({
    deps,
    store,
    cipher,
    workflow,
    loadVisible,
    viewerOf,
    models: { Order },
  }: OrderContext): RequestHandler =>
  async (req, res) => {
    const order = await loadVisible(req);
    const p = principalOf(req);
    const workflowId = workflow.workflowId(order._id);
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
    // One submit of the draft exactly as assessed: the draft's next revision is claimed by insert
    // before anything is written, so of concurrent submits (or a submit and an edit of the draft)
    // exactly one goes on, and the others change nothing (store/draft-revisions.ts).
    const from = draftRevisionOf(order);
    const revision = await claimDraftRevision(store, order._id, from, 'submit');
    if ('lostTo' in revision)
      throw revision.lostTo === 'submit'
        ? new HttpProblem(409, 'already_submitted', 'the order was submitted concurrently')
        : new HttpProblem(
            409,
            'concurrent_change',
            'the draft changed while it was being submitted; read it again and submit again',
          );
    const { claimed } = revision;
    try {
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
    } catch (err) {
      await releaseDraftRevision(store, claimed);
      throw err;
    }
    // The carrier look-up's answer first, the draft's (informative) name else: kept on the order too,
    // so the order shows the carrier it was submitted to even when the create named none.
    const decidedCarrier =
      lookups.find((l) => l.losingCarrier)?.losingCarrier ?? order.draft.losingCarrier?.name;
    const losingCarrier = decidedCarrier ?? 'unknown';
    const submittedAt = new Date();
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
      ...(order.draft.afterHoursPort === true ? { afterHoursPort: true } : {}),
      ...(order.draft.quotedPortingChargeCents !== undefined
        ? { quotedPortingChargeCents: order.draft.quotedPortingChargeCents }
        : {}),
      policy: {
        ...DEFAULT_POLICY,
        ...deps.policyOverrides,
        autoApproveCleanOrders: deps.autoApproveCleanOrders,
      },
    };
    // The review's deadline, fixed now: the workflow keeps this very instant and the read model shows it.
    const reviewDueAt = new Date(reviewDeadline(submittedAt.getTime(), input.policy.reviewSlaMs));
    input.reviewDeadline = reviewDueAt.getTime();
    // Marked submitted before the start, at the claimed revision: no later edit of the draft can land
    // (each would need this revision), and the workflow id (the order id) makes a second start
    // impossible anyway.
    const submitted = {
      status: 'in_review',
      submittedAt,
      reviewDueAt,
      workflowId,
      numbers: phoneNumbers.map((phoneNumber) => ({
        phoneNumber,
        status: 'in_review',
        activated: false,
        attempt: 0,
      })),
      ...(decidedCarrier ? { losingCarrierName: decidedCarrier } : {}),
      // What the order will be charged when its numbers are ported, under the policy just fixed.
      portingCharges: input.policy.portingChargeSchedule
        ? portingCharges({ ...input, country: order.country }, input.policy.portingChargeSchedule)
        : [],
    };
    const marked = await Order.updateOne(
      { _id: order._id, status: 'draft', ...atRevision(from) },
      { $set: { ...submitted, draftRev: claimed.rev } },
    );
    if (marked.modifiedCount === 0) {
      // Only a dead claim passed over by another change gets here: that change owns the draft now.
      await releaseNumbers(deps.store, order._id, phoneNumbers);
      await releaseDraftRevision(store, claimed);
      throw new HttpProblem(
        409,
        'concurrent_change',
        'the draft changed while it was being submitted; read it again and submit again',
      );
    }
    try {
      // Last in the review queue (store/review-queue.ts). If the start fails the draft is restored, and
      // the slot no longer matches the order's submittedAt, so the queue skips it.
      await enqueueForReview(store, order._id, submitted.submittedAt);
      await workflow.start(input, {
        staticSummary: `Port-in ${order._id}: ${phoneNumbers.length} number(s) from ${losingCarrier}`,
        staticDetails: `Account ${order.accountId}, country ${order.country}, zone ${order.timeZone}`,
      });
    } catch (err) {
      // Back to the draft exactly as it was: nothing of the submission may stay half-written. (Had the
      // start reached Temporal after all, a new submit finds the workflow, and its first snapshot
      // rewrites this read model anyway.) The draft goes back to the revision it was at, and the
      // submit's claim of the next one is given back once the order says so.
      const restored = {
        status: 'draft',
        numbers: [],
        ...(order.draftRev === undefined ? {} : { draftRev: from }),
      };
      await Order.updateOne(
        { _id: order._id, status: 'in_review' },
        {
          $set: restored,
          $unset: {
            submittedAt: 1,
            reviewDueAt: 1,
            workflowId: 1,
            portingCharges: 1,
            losingCarrierName: 1,
            ...(order.draftRev === undefined ? { draftRev: 1 } : {}),
          },
        },
      );
      await releaseNumbers(deps.store, order._id, phoneNumbers);
      await releaseDraftRevision(store, claimed);
      throw err;
    }
    res.status(202).json({ ...orderView({ ...order, ...submitted }, cipher, viewerOf(req)), warnings });
  };
