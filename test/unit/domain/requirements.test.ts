/**
 * The submit checklist (domain/requirements.ts) is the submit validation's problems sorted into
 * requirements: every problem lands in exactly one requirement, of its number when it names one, so
 * a requirement is unmet exactly when submit names a problem for it.
 */
import fc from 'fast-check';
import {
  assessSubmission,
  PROBLEM_CODES,
  REQUIREMENT_IDS,
  REQUIREMENT_OF_CODE,
  REQUIREMENTS,
  validateSubmission,
  type PortInOrderDraft,
  type Problem,
  type SubmissionAssessment,
  type SubmissionContext,
} from '../../../domain';
import { LANDLINE, LANDLINE_2, TODAY, TOLL_FREE, validContext, validDraft, WIRELESS } from './fixtures';

const all = (a: SubmissionAssessment): Problem[] => [
  ...a.order.flatMap((r) => r.problems),
  ...a.numbers.flatMap((n) => n.requirements.flatMap((r) => r.problems)),
];
const key = (p: Problem) => `${p.code}|${p.field}|${p.message}`;
const status = (a: SubmissionAssessment, id: string, index?: number) =>
  (index === undefined ? a.order : a.numbers[index].requirements).find((r) => r.requirement === id)?.status;

const changed = (edit: (d: PortInOrderDraft) => void, ctx: Partial<SubmissionContext> = {}) => {
  const draft = validDraft();
  edit(draft);
  return { draft, ctx: validContext(ctx) };
};

describe('requirements catalogue', () => {
  it('gives every problem code exactly one requirement', () => {
    const owners = PROBLEM_CODES.map((code) =>
      REQUIREMENT_IDS.filter((id) => (REQUIREMENTS[id].codes as readonly string[]).includes(code)),
    );
    expect(owners.filter((o) => o.length !== 1)).toEqual([]);
    expect(PROBLEM_CODES.every((code) => REQUIREMENT_OF_CODE.has(code))).toBe(true);
  });
});

describe('assessSubmission', () => {
  it('has every requirement met for a valid order', () => {
    const a = assessSubmission(validDraft(), validContext());
    expect(a.submittable).toBe(true);
    expect(a.problems).toEqual([]);
    expect([...a.order, ...a.numbers.flatMap((n) => n.requirements)].every((r) => r.status === 'met')).toBe(
      true,
    );
    expect(a.numbers.map((n) => n.phoneNumber)).toEqual([LANDLINE, WIRELESS, TOLL_FREE, LANDLINE_2]);
  });

  it('puts a missing LOA on its number only', () => {
    const { draft, ctx } = changed((d) => {
      d.documents[0].phoneNumbers = [LANDLINE, WIRELESS]; // LANDLINE_2 (numbers[3]) loses its LOA
    });
    const a = assessSubmission(draft, ctx);
    expect(a.submittable).toBe(false);
    expect(status(a, 'loa', 3)).toBe('missing');
    expect([0, 1, 2].map((i) => status(a, 'loa', i))).toEqual(['met', 'met', 'met']);
    expect(a.numbers.map((n) => n.met)).toEqual([true, true, true, false]);
  });

  it('marks a stale bill invalid and the proof it was meant to be missing, with the reason', () => {
    const { draft, ctx } = changed((d) => {
      d.documents[2] = { id: 'doc_bill', kind: 'bill', phoneNumbers: [], issuedOn: '2025-04-01' };
    });
    const a = assessSubmission(draft, ctx);
    expect(status(a, 'bill_dates')).toBe('invalid');
    expect(
      a.numbers.map((n) => n.requirements.find((r) => r.requirement === 'proof_of_ownership')?.status),
    ).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(
      a.numbers[0].requirements.find((r) => r.requirement === 'proof_of_ownership')?.problems[0].message,
    ).toMatch(/more than 30 days old/);
  });

  it('asks for the PIN once a number is wireless, for the order', () => {
    const { draft, ctx } = changed((d) => {
      d.losingCarrier = { ...d.losingCarrier, pin: undefined };
    });
    expect(status(assessSubmission(draft, ctx), 'pin')).toBe('missing');
    const landlineOnly = validContext({
      lookups: validContext().lookups.map((l) => ({ ...l, lineType: 'landline' })),
    });
    expect(status(assessSubmission(draft, landlineOnly), 'pin')).toBe('met');
  });

  it('tells a wrong LOA signer and a number held by another order', () => {
    const { draft, ctx } = changed(
      (d) => {
        d.documents[0].signerName = 'John Doe';
      },
      { numbersInOtherOpenOrders: [WIRELESS] },
    );
    const a = assessSubmission(draft, ctx);
    expect(status(a, 'loa_documents')).toBe('invalid');
    expect(status(a, 'availability', 1)).toBe('invalid');
    expect(status(a, 'availability', 0)).toBe('met');
  });

  it('keeps submit’s problems, in submit’s order, and nothing else (generated orders)', () => {
    const edits: ((d: PortInOrderDraft) => void)[] = [
      (d) => (d.documents = []),
      (d) => (d.documents[2] = { id: 'b', kind: 'bill', phoneNumbers: [], issuedOn: '2030-01-01' }),
      (d) => d.documents[1] && (d.documents[1].loaTemplate = 'standard'),
      (d) => (d.numbers[1] = { phoneNumber: '+1 415 555 2672' }),
      (d) => d.numbers.push({ phoneNumber: LANDLINE }),
      (d) => (d.numbers = []),
      (d) => (d.authorizedPerson = { firstName: 'Jane' }),
      (d) => (d.serviceAddress = { ...d.serviceAddress, line1: 'PO Box 12', postalCode: '00000' }),
      (d) => (d.losingCarrier = { name: 'x', btn: '12' }),
      (d) => (d.requestedPortDate = '2025-06-07'),
      (d) => (d.configuration = { capabilities: 'sms' as never }),
      (d) => (d.requesterIsTollFreeSubscriber = false),
      (d) => (d.country = 'FR' as never),
      (d) => (d.notificationEmail = 'nope'),
    ];
    const contexts: Partial<SubmissionContext>[] = [
      {},
      { actorRole: 'support' },
      { accountPlan: 'trial' },
      { activeNumbers: [LANDLINE] },
      { lookups: [] },
      { today: 'not a date' },
    ];
    fc.assert(
      fc.property(
        fc.subarray(edits.map((_, i) => i)),
        fc.integer({ min: 0, max: contexts.length - 1 }),
        (picked, c) => {
          const draft = validDraft();
          for (const i of picked) edits[i](draft);
          const ctx = validContext(contexts[c]);
          const a = assessSubmission(draft, ctx);
          const submit = validateSubmission(draft, ctx);
          expect(a.problems).toEqual(submit.problems);
          expect(a.warnings).toEqual(submit.warnings);
          expect(all(a).map(key).sort()).toEqual(submit.problems.map(key).sort());
          expect(a.submittable).toBe(submit.problems.length === 0);
          const unmet = [...a.order, ...a.numbers.flatMap((n) => n.requirements)].filter(
            (r) => r.status !== 'met',
          );
          expect(unmet.length > 0).toBe(!a.submittable);
          for (const n of a.numbers)
            for (const r of n.requirements)
              for (const p of r.problems) expect(p.field.startsWith(`numbers[${n.index}]`)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });

  it('never throws, whatever the draft', () => {
    fc.assert(
      fc.property(fc.anything(), (draft) => {
        const a = assessSubmission(draft as PortInOrderDraft, validContext({ today: TODAY }));
        expect(all(a).length).toBe(a.problems.length);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
