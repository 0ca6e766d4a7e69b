/**
 * Customer emails of the rulebook (section 8), as pure functions of one typed message.
 * Facts come from the domain (rejection remedies, activation instants) so emails never disagree
 * with what the workflow enforces.
 */
import { activationInstant, endOfBusinessInstant } from '../domain/calendar';
import { REJECTION_REASONS, type RejectionCode } from '../domain/rejection-codes';
import { formatInstantInZone } from '../domain/time-display';
import { formatCalendarDate, formatNumberList, formatUsdCents } from './email-format';
import { renderDocument, type EmailBlock, type RenderedEmail } from './email-layout';
import type {
  CanceledEmail,
  CapabilityDegradedEmail,
  CommentAddedEmail,
  LoaSignatureRequestEmail,
  CompletedEmail,
  DegradedNumberStatus,
  EmailBase,
  EmailMessage,
  FocAssignedEmail,
  FocMovedEmail,
  NumberRejectedEmail,
  ReviewApprovedEmail,
  ReviewRejectedEmail,
  SubmissionReceivedEmail,
} from './email-message';

// Callers import the message types from here, next to the renderer that consumes them.
export * from './email-message';
export type { RenderedEmail } from './email-layout';

interface EmailContent {
  subject: string;
  blocks: EmailBlock[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function subjectFor(message: EmailBase, topic: string): string {
  const reference = message.customerReference ? ` (${message.customerReference})` : '';
  return `Port-in order ${message.orderId}${reference}: ${topic}`;
}

function orderFacts(message: EmailBase, phoneNumbers: readonly string[]): EmailBlock {
  const rows: Array<[string, string]> = [['Order', message.orderId]];
  if (message.customerReference) rows.push(['Your reference', message.customerReference]);
  rows.push([phoneNumbers.length === 1 ? 'Number' : 'Numbers', formatNumberList(phoneNumbers)]);
  return { type: 'facts', rows };
}

const KEEP_OLD_SERVICE =
  'Do not cancel service with your current carrier until we email you that the port is complete. ' +
  'Canceling early can disconnect the numbers and lose them for good.';

const CONTACT_SUPPORT = (orderId: string) =>
  `Questions? Contact our support team and quote order ${orderId}. Never send PINs or account numbers by email.`;

function submissionReceived(m: SubmissionReceivedEmail): EmailContent {
  return {
    subject: subjectFor(m, 'we received your port-in request'),
    blocks: [
      { type: 'paragraph', text: 'We received your request to port these numbers to us.' },
      orderFacts(m, m.phoneNumbers),
      {
        type: 'paragraph',
        text:
          'We are checking the order now and a member of our team reviews it within 24 hours. ' +
          'Once approved, we submit it to your current carrier and email you the port date.',
      },
      { type: 'notice', text: KEEP_OLD_SERVICE },
    ],
  };
}

function reviewApproved(m: ReviewApprovedEmail): EmailContent {
  return {
    subject: subjectFor(m, 'approved and submitted to your current carrier'),
    blocks: [
      { type: 'paragraph', text: 'We reviewed your order and submitted it to your current carrier.' },
      orderFacts(m, m.phoneNumbers),
      {
        type: 'paragraph',
        text:
          'Carriers usually answer within 5 to 7 business days. When they accept, we email you the ' +
          'firm order commitment (FOC) date: the day your numbers move to us.',
      },
      { type: 'notice', text: KEEP_OLD_SERVICE },
    ],
  };
}

function reasonFacts(code: RejectionCode, resubmission: string): EmailBlock {
  const reason = REJECTION_REASONS[code];
  return {
    type: 'facts',
    rows: [
      ['Reason code', reason.code],
      ['What it means', reason.meaning],
      ['What to do', reason.remedy],
      ['Resubmission', resubmission],
    ],
  };
}

function reviewRejected(m: ReviewRejectedEmail): EmailContent {
  const blocks: EmailBlock[] = [
    { type: 'paragraph', text: 'We reviewed your order and cannot submit it to your current carrier.' },
    orderFacts(m, m.phoneNumbers),
    { type: 'facts', rows: [['Reason', m.reason]] },
  ];
  const resubmittable = m.code === undefined || REJECTION_REASONS[m.code].resubmittable;
  // With a deadline the order itself stays open for the correction; without one, a new order is needed.
  const deadline = m.resubmitBy === undefined ? undefined : formatInstantInZone(m.resubmitBy, m.timeZone);
  if (m.code) {
    blocks.push(
      reasonFacts(
        m.code,
        !resubmittable
          ? 'Not possible: the number cannot be ported'
          : deadline
            ? `Yes, by ${deadline}`
            : 'Possible with a new order',
      ),
    );
  }
  blocks.push({
    type: 'paragraph',
    text: !resubmittable
      ? 'You can rent a new number from us and/or forward calls from your current number to it.'
      : deadline
        ? `Please correct the details above and resubmit this order by ${deadline}, or contact support for help.`
        : 'Please correct the details above and submit a new port-in order, or contact support for help.',
  });
  return { subject: subjectFor(m, 'not approved'), blocks };
}

function numberRejected(m: NumberRejectedEmail): EmailContent {
  const deadline = m.resubmitBy === undefined ? undefined : formatInstantInZone(m.resubmitBy, m.timeZone);
  const rejected = m.rejections.flatMap((r) => r.phoneNumbers);
  const blocks: EmailBlock[] = [
    {
      type: 'paragraph',
      text: `Your current carrier rejected the port of ${plural(rejected.length, 'number')}. Here is why, and what to do.`,
    },
    orderFacts(m, rejected),
  ];
  for (const rejection of m.rejections) {
    const { resubmittable } = REJECTION_REASONS[rejection.code];
    const these = rejection.phoneNumbers.length === 1 ? 'this number' : 'these numbers';
    const resubmission = !resubmittable
      ? `Not possible: ${these} cannot be ported`
      : deadline
        ? `Yes, by ${deadline}`
        : 'Yes, as soon as the issue is fixed';
    blocks.push(
      { type: 'heading', text: formatNumberList(rejection.phoneNumbers) },
      reasonFacts(rejection.code, resubmission),
    );
    if (!resubmittable) {
      blocks.push({
        type: 'paragraph',
        text:
          `There is nothing to fix for ${these}, so there is no resubmission. Instead you can rent ` +
          'a new number from us and use it right away, and/or forward calls from your current number to it.',
      });
    }
  }
  if (m.rejections.some((r) => REJECTION_REASONS[r.code].resubmittable)) {
    blocks.push(
      { type: 'heading', text: 'How to resubmit' },
      {
        type: 'paragraph',
        text:
          `Once the issue is fixed, resubmit order ${m.orderId} with the corrected details (for example a ` +
          'new LOA, the PIN or account number on file at your carrier) in your dashboard or through the API, ' +
          'or ask our support team to resubmit it for you. The carrier then processes it again, usually ' +
          'within 10 to 15 days.',
      },
      {
        type: 'paragraph',
        text: deadline
          ? `The order waits for your resubmission until ${deadline}. After that the rejection is final and you would need a new order.`
          : 'The order waits for your resubmission for a limited time only, so please act soon.',
      },
      { type: 'notice', text: KEEP_OLD_SERVICE },
    );
  }
  return {
    subject: subjectFor(m, `${plural(rejected.length, 'number')} rejected by your current carrier`),
    blocks,
  };
}

function portDateFacts(m: FocAssignedEmail | FocMovedEmail): EmailBlock {
  const rows: Array<[string, string]> = [];
  if (m.kind === 'foc_moved' && m.previousFocDate) {
    rows.push(['Previous port date', `${formatCalendarDate(m.previousFocDate)} (${m.previousFocDate})`]);
  }
  rows.push(
    ['Port date (FOC)', `${formatCalendarDate(m.focDate)} (${m.focDate})`],
    [
      'Numbers added to your account',
      formatInstantInZone(activationInstant(m.focDate, m.timeZone), m.timeZone),
    ],
    ['Port completes by', formatInstantInZone(endOfBusinessInstant(m.focDate, m.timeZone), m.timeZone)],
  );
  return { type: 'facts', rows };
}

function portDateBlocks(m: FocAssignedEmail | FocMovedEmail, intro: string): EmailBlock[] {
  return [
    { type: 'paragraph', text: intro },
    orderFacts(m, m.phoneNumbers),
    portDateFacts(m),
    {
      type: 'paragraph',
      text:
        'At midnight at the start of the port date we add the numbers to your account with the configuration ' +
        'you chose, so calls reach you as soon as your current carrier releases them. The carrier only ' +
        'guarantees the port before the end of business that day. Please have your application ready by then.',
    },
    { type: 'notice', text: KEEP_OLD_SERVICE },
    {
      type: 'paragraph',
      text:
        'To cancel or change the port date yourself, do it at least 72 hours before the numbers are added to ' +
        'your account. Later changes go through our support team and carry higher fees.',
    },
  ];
}

function focAssigned(m: FocAssignedEmail): EmailContent {
  return {
    subject: subjectFor(m, `port date set for ${m.focDate}`),
    blocks: portDateBlocks(m, 'Your current carrier accepted the port and committed to a port date (FOC).'),
  };
}

function focMoved(m: FocMovedEmail): EmailContent {
  return {
    subject: subjectFor(m, `port date moved to ${m.focDate}`),
    blocks: portDateBlocks(m, `The port date moved from ${m.previousFocDate} to ${m.focDate}.`),
  };
}

const CANCELED_BY: Record<CanceledEmail['canceledBy'], string> = {
  customer: 'You canceled',
  support: 'Our support team canceled',
  ops: 'Our operations team canceled',
  carrier: 'Your current carrier canceled',
};

function canceled(m: CanceledEmail): EmailContent {
  const phoneNumbers = m.numbers.map((n) => n.phoneNumber);
  const blocks: EmailBlock[] = [
    {
      type: 'paragraph',
      text: `${CANCELED_BY[m.canceledBy]} the port of ${plural(phoneNumbers.length, 'number')}.`,
    },
    orderFacts(m, phoneNumbers),
  ];
  if (m.canceledBy === 'carrier') {
    // Rulebook section 6: a carrier cancellation is never charged; the customer needs support to go on.
    blocks.push(
      { type: 'facts', rows: [['Cancellation fee', 'None']] },
      {
        type: 'paragraph',
        text: `Please contact our support team about order ${m.orderId}: they will find out why and help you port the numbers again.`,
      },
    );
  } else {
    const totalCents = m.numbers.reduce((sum, n) => sum + n.feeCents, 0);
    blocks.push(
      { type: 'heading', text: 'Cancellation fees' },
      { type: 'list', items: m.numbers.map((n) => `${n.phoneNumber}: ${formatUsdCents(n.feeCents)}`) },
      { type: 'facts', rows: [['Total (USD)', formatUsdCents(totalCents)]] },
    );
    if (totalCents === 0) {
      blocks.push({
        type: 'paragraph',
        text: 'No fee applies: the order was canceled before any charge was due.',
      });
    }
  }
  blocks.push({
    type: 'paragraph',
    text: 'The numbers stay with your current carrier; keep that service active if you want to keep them.',
  });
  return { subject: subjectFor(m, `port canceled for ${plural(phoneNumbers.length, 'number')}`), blocks };
}

const NOT_WORKING_YET: Record<DegradedNumberStatus, string> = {
  ported_sms_inactive: 'SMS is not working yet (voice works)',
  ported_voice_inactive: 'voice calls are not working yet (SMS works)',
  ported_sms_voice_inactive: 'neither voice calls nor SMS are working yet',
};

function capabilityDegraded(m: CapabilityDegradedEmail): EmailContent {
  const phoneNumbers = m.numbers.map((n) => n.phoneNumber);
  return {
    subject: subjectFor(m, 'ported, but not fully working yet'),
    blocks: [
      {
        type: 'paragraph',
        text: 'These numbers have moved to us, but some of what you asked for does not work yet:',
      },
      orderFacts(m, phoneNumbers),
      { type: 'list', items: m.numbers.map((n) => `${n.phoneNumber}: ${NOT_WORKING_YET[n.status]}`) },
      {
        type: 'paragraph',
        text:
          'We keep testing and fixing this automatically, and our operations team is on it. You do not need ' +
          'to do anything; we email you as soon as everything works.',
      },
    ],
  };
}

function completed(m: CompletedEmail): EmailContent {
  return {
    subject: subjectFor(m, `port complete, ${plural(m.phoneNumbers.length, 'number')} now active`),
    blocks: [
      {
        type: 'paragraph',
        text: 'The port is complete: these numbers are now active numbers on your account and tested working.',
      },
      orderFacts(m, m.phoneNumbers),
      {
        type: 'paragraph',
        text:
          'You can now end service for these numbers with your previous carrier. Contact them to make sure ' +
          'the numbers are removed from your account there, so you are not charged any further.',
      },
    ],
  };
}

function commentAdded(m: CommentAddedEmail): EmailContent {
  return {
    subject: subjectFor(m, 'a new comment from our support team'),
    blocks: [
      { type: 'paragraph', text: 'Our support team added a comment to your port-in order.' },
      orderFacts(m, m.phoneNumbers),
      {
        // The text is not in the email: comments may discuss account details, which stay behind the API key.
        type: 'paragraph',
        text: `Read it and reply with GET and POST /v1/port-in-orders/${m.orderId}/comments.`,
      },
    ],
  };
}

function loaSignatureRequest(m: LoaSignatureRequestEmail): EmailContent {
  return {
    subject: subjectFor(m, 'please sign the letter of authorization'),
    blocks: [
      {
        type: 'paragraph',
        text: `${m.signerName}, you are named as the authorized person for moving these numbers. Please read and sign the letter of authorization that lets us port them:`,
      },
      orderFacts(m, m.phoneNumbers),
      { type: 'paragraph', text: `Sign here: ${m.link}` },
      {
        type: 'paragraph',
        text: `The link works once and until ${formatInstantInZone(m.expiresAt, m.timeZone)}. If you did not expect this email, ignore it: nothing is signed without you.`,
      },
    ],
  };
}

function contentFor(message: EmailMessage): EmailContent {
  switch (message.kind) {
    case 'submission_received':
      return submissionReceived(message);
    case 'review_approved':
      return reviewApproved(message);
    case 'review_rejected':
      return reviewRejected(message);
    case 'number_rejected':
      return numberRejected(message);
    case 'foc_assigned':
      return focAssigned(message);
    case 'foc_moved':
      return focMoved(message);
    case 'canceled':
      return canceled(message);
    case 'capability_degraded':
      return capabilityDegraded(message);
    case 'completed':
      return completed(message);
    case 'comment_added':
      return commentAdded(message);
    case 'loa_signature_request':
      return loaSignatureRequest(message);
  }
}

/** Renders any customer email: subject, plain-text and HTML parts carrying the same facts. */
export function renderEmail(message: EmailMessage): RenderedEmail {
  const { subject, blocks } = contentFor(message);
  return renderDocument(subject, [
    { type: 'paragraph', text: 'Hello,' },
    ...blocks,
    { type: 'paragraph', text: CONTACT_SUPPORT(message.orderId) },
  ]);
}
