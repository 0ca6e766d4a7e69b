import { REJECTION_CODES, REJECTION_REASONS } from '../../../domain/rejection-codes';
import { escapeHtml } from '../../../notifications/email-layout';
import {
  EMAIL_KINDS,
  renderEmail,
  type EmailKind,
  type EmailMessage,
  type NumberRejectedEmail,
} from '../../../notifications/email-templates';

const base = {
  orderId: 'po_7Hq2',
  customerReference: 'Acme <HQ> & "Sons"',
  to: 'ops@acme.example',
  timeZone: 'America/New_York',
};
const A = '+14155550100';
const B = '+14155550101';

// One message of every kind; the mapped type fails to compile when a kind is missing.
const samples: { [K in EmailKind]: Extract<EmailMessage, { kind: K }> } = {
  submission_received: { ...base, kind: 'submission_received', phoneNumbers: [A, B] },
  review_approved: { ...base, kind: 'review_approved', phoneNumbers: [A, B] },
  review_rejected: {
    ...base,
    kind: 'review_rejected',
    phoneNumbers: [A, B],
    reason: 'The LOA is not signed.',
  },
  number_rejected: {
    ...base,
    kind: 'number_rejected',
    rejections: [{ phoneNumbers: [A, B], code: 'wrong_wireless_pin' }],
    resubmitBy: Date.UTC(2026, 3, 10, 4, 0),
  },
  foc_assigned: { ...base, kind: 'foc_assigned', phoneNumbers: [A, B], focDate: '2026-03-09' },
  foc_moved: {
    ...base,
    kind: 'foc_moved',
    phoneNumbers: [A, B],
    focDate: '2026-03-12',
    previousFocDate: '2026-03-09',
  },
  canceled: {
    ...base,
    kind: 'canceled',
    canceledBy: 'customer',
    numbers: [
      { phoneNumber: A, feeCents: 13_00 },
      { phoneNumber: B, feeCents: 13_00 },
    ],
  },
  capability_degraded: {
    ...base,
    kind: 'capability_degraded',
    numbers: [
      { phoneNumber: A, status: 'ported_sms_inactive' },
      { phoneNumber: B, status: 'ported_sms_inactive' },
    ],
  },
  completed: { ...base, kind: 'completed', phoneNumbers: [A, B] },
  comment_added: { ...base, kind: 'comment_added', phoneNumbers: [A, B] },
  loa_signature_request: {
    ...base,
    kind: 'loa_signature_request',
    phoneNumbers: [A, B],
    signerName: 'Ada <Lovelace>',
    link: 'https://api.example.test/loa-signing/abc',
    expiresAt: Date.UTC(2026, 2, 12, 17),
  },
};

const NO_CANCEL =
  'Do not cancel service with your current carrier until we email you that the port is complete.';

/** The facts must reach the customer whichever part the mail client shows. */
function expectInBoth(message: EmailMessage, ...facts: string[]) {
  const { text, html } = renderEmail(message);
  for (const fact of facts) {
    expect(text).toContain(fact);
    expect(html).toContain(escapeHtml(fact));
  }
}

describe('every customer email', () => {
  it.each(EMAIL_KINDS.map((kind) => [kind]))('%s names the order, the reference and the numbers', (kind) => {
    const message = samples[kind];
    const { subject } = renderEmail(message);
    expect(subject).toContain(base.orderId);
    expect(subject).toContain(base.customerReference);
    expectInBoth(message, base.orderId, base.customerReference, A, B);
  });

  it.each(EMAIL_KINDS.map((kind) => [kind]))('%s escapes HTML in every customer-supplied string', (kind) => {
    const hostile = '<script>alert("x")</script>';
    const message = { ...samples[kind], orderId: `po_<b>`, customerReference: hostile } as EmailMessage;
    const { html, text } = renderEmail(message);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('po_<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text).toContain(hostile); // plain text stays readable
  });

  it.each(EMAIL_KINDS.map((kind) => [kind]))('%s keeps the subject on one header line', (kind) => {
    const message = { ...samples[kind], customerReference: 'ref\r\nBcc: attacker@evil.example' };
    expect(renderEmail(message).subject).not.toMatch(/[\r\n]/);
  });

  it('never shows carrier secrets, even if a caller passes them along', () => {
    for (const kind of EMAIL_KINDS) {
      // Not a fresh literal when passed on, so TypeScript allows the extra fields, as it would at runtime.
      const leaky = { ...samples[kind], pin: '987654', accountNumber: 'ACCT-555-1212' };
      const { subject, text, html } = renderEmail(leaky);
      for (const part of [subject, text, html]) {
        expect(part).not.toContain('987654');
        expect(part).not.toContain('ACCT-555-1212');
      }
    }
  });
});

describe('number_rejected', () => {
  const deadline = 'Friday, April 10, 2026, 00:00 EDT (America/New_York)';
  const rejected = (code: NumberRejectedEmail['rejections'][number]['code']): NumberRejectedEmail => ({
    ...samples.number_rejected,
    rejections: [{ phoneNumbers: [A], code }],
  });

  it.each(REJECTION_CODES.map((code) => [code]))('%s: numbers, code, meaning and remedy', (code) => {
    const reason = REJECTION_REASONS[code];
    expectInBoth(rejected(code), A, reason.code, reason.meaning, reason.remedy);
  });

  it.each(REJECTION_CODES.filter((c) => REJECTION_REASONS[c].resubmittable).map((c) => [c]))(
    '%s: explains how to resubmit, by the deadline in the order zone',
    (code) => {
      expectInBoth(
        rejected(code),
        'How to resubmit',
        `resubmit order ${base.orderId}`,
        `Yes, by ${deadline}`,
        NO_CANCEL,
      );
      expectInBoth(rejected(code), `The order waits for your resubmission until ${deadline}`);
    },
  );

  it('unportable: no resubmission, suggests a new number or call forwarding', () => {
    const { text } = renderEmail(rejected('unportable'));
    expectInBoth(
      rejected('unportable'),
      'Not possible: this number cannot be ported',
      'rent',
      'forward calls',
    );
    expect(text).not.toContain('How to resubmit');
    expect(text).not.toContain(deadline);
  });

  it('lists each rejection with its own numbers and reason', () => {
    const message: NumberRejectedEmail = {
      ...samples.number_rejected,
      rejections: [
        { phoneNumbers: [A], code: 'unportable' },
        { phoneNumbers: [B], code: 'invalid_btn' },
      ],
    };
    const { text, subject } = renderEmail(message);
    expect(subject).toContain('2 numbers rejected');
    const unportableAt = text.indexOf(REJECTION_REASONS.unportable.remedy);
    const btnAt = text.indexOf(REJECTION_REASONS.invalid_btn.remedy);
    expect(text.lastIndexOf(A, unportableAt)).toBeGreaterThan(-1);
    expect(text.slice(unportableAt, btnAt)).toContain(B); // B's heading sits between the two reasons
    expect(text).toContain('How to resubmit'); // one rejection is resubmittable
  });

  it('without a deadline still asks for a prompt resubmission', () => {
    const { resubmitBy: _omitted, ...withoutDeadline } = rejected('number_inactive');
    expectInBoth(withoutDeadline, 'Yes, as soon as the issue is fixed', 'limited time');
  });
});

describe('review decisions and submission', () => {
  it('submission_received promises a review decision within 24 hours', () => {
    expectInBoth(samples.submission_received, 'within 24 hours', NO_CANCEL);
  });

  it('review_approved says the order went to the carrier', () => {
    expectInBoth(samples.review_approved, 'submitted it to your current carrier', '5 to 7 business days');
  });

  it('review_rejected carries the reviewer reason, and the remedy when a code is given', () => {
    expectInBoth(samples.review_rejected, 'The LOA is not signed.', 'submit a new port-in order');
    const withCode = { ...samples.review_rejected, code: 'address_mismatch' as const };
    expectInBoth(
      withCode,
      REJECTION_REASONS.address_mismatch.meaning,
      REJECTION_REASONS.address_mismatch.remedy,
    );
  });

  it('review_rejected with a resubmission deadline asks to resubmit this order by then', () => {
    const withDeadline = {
      ...samples.review_rejected,
      code: 'address_mismatch' as const,
      resubmitBy: Date.parse('2026-03-20T16:00:00Z'),
    };
    const { text } = renderEmail(withDeadline);
    expect(text).toMatch(/Resubmission: Yes, by .*2026/);
    expect(text).toMatch(/resubmit this order by .*2026/);
    expect(text).not.toContain('submit a new port-in order');
  });

  it('review_rejected for an unportable number offers the alternatives instead', () => {
    const unportable = { ...samples.review_rejected, code: 'unportable' as const };
    const { text } = renderEmail(unportable);
    expect(text).toContain('rent a new number');
    expect(text).not.toContain('submit a new port-in order');
  });
});

describe('foc_assigned and foc_moved', () => {
  it('shows the FOC date, the local activation midnight and end of business, after the DST change', () => {
    // DST began in New York on 2026-03-08: midnight of the 9th is EDT (04:00Z).
    expectInBoth(
      samples.foc_assigned,
      'Monday, March 9, 2026 (2026-03-09)',
      'Monday, March 9, 2026, 00:00 EDT (America/New_York)',
      'Monday, March 9, 2026, 17:00 EDT (America/New_York)',
      NO_CANCEL,
    );
    expect(renderEmail(samples.foc_assigned).subject).toContain('port date set for 2026-03-09');
  });

  it('uses standard time before the DST change', () => {
    const before = { ...samples.foc_assigned, focDate: '2026-03-06' };
    expectInBoth(before, 'Friday, March 6, 2026, 00:00 EST (America/New_York)');
  });

  it('shows the first instant after a midnight that does not exist (Chile springs forward at 24:00)', () => {
    const santiago = { ...samples.foc_assigned, focDate: '2026-09-06', timeZone: 'America/Santiago' };
    expectInBoth(santiago, 'Sunday, September 6, 2026, 01:00 GMT-3 (America/Santiago)');
  });

  it('shows the zone of the order, not of the host', () => {
    const vancouver = { ...samples.foc_assigned, timeZone: 'America/Vancouver' };
    expectInBoth(vancouver, 'Monday, March 9, 2026, 00:00 PDT (America/Vancouver)');
  });

  it('foc_moved gives both dates and repeats the reminder', () => {
    expectInBoth(
      samples.foc_moved,
      'Previous port date',
      '(2026-03-09)',
      'Thursday, March 12, 2026, 00:00 EDT (America/New_York)',
      NO_CANCEL,
    );
    expect(renderEmail(samples.foc_moved).subject).toContain('port date moved to 2026-03-12');
  });
});

describe('canceled', () => {
  it('gives the fee per number and the total in USD', () => {
    expectInBoth(samples.canceled, 'You canceled', `${A}: $13.00`, `${B}: $13.00`, '$26.00');
    expect(renderEmail(samples.canceled).text).toContain('Total (USD): $26.00');
  });

  it('formats late-cancellation fees with thousands separators', () => {
    const late = {
      ...samples.canceled,
      canceledBy: 'support' as const,
      numbers: [A, B, '+14155550102'].map((phoneNumber) => ({ phoneNumber, feeCents: 520_00 })),
    };
    expectInBoth(late, 'Our support team canceled', `${A}: $520.00`, '$1,560.00');
  });

  it('says when no fee applies', () => {
    const free = { ...samples.canceled, numbers: [{ phoneNumber: A, feeCents: 0 }] };
    expectInBoth(free, '$0.00', 'No fee applies');
  });

  it('a carrier cancellation is free and sends the customer to support', () => {
    const byCarrier = { ...samples.canceled, canceledBy: 'carrier' as const };
    expectInBoth(
      byCarrier,
      'Your current carrier canceled',
      'Cancellation fee',
      'None',
      'contact our support team',
    );
    expect(renderEmail(byCarrier).text).not.toContain('$');
  });
});

describe('capability_degraded and completed', () => {
  it.each([
    ['ported_sms_inactive', 'SMS is not working yet'],
    ['ported_voice_inactive', 'voice calls are not working yet'],
    ['ported_sms_voice_inactive', 'neither voice calls nor SMS are working yet'],
  ] as const)('%s: says what does not work yet and that we keep trying', (status, words) => {
    const message = { ...samples.capability_degraded, numbers: [{ phoneNumber: A, status }] };
    expectInBoth(message, `${A}: ${words}`, 'We keep testing');
  });

  it('completed: the numbers are now active', () => {
    expectInBoth(samples.completed, 'now active numbers on your account', 'previous carrier');
    expect(renderEmail(samples.completed).subject).toContain('2 numbers now active');
  });
});
