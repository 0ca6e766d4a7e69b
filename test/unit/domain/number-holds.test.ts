/** The pure rules behind number holds: duplicates in one request, and when a number stops holding. */
import {
  duplicateNumbers,
  duplicatePhoneNumberProblems,
  numberHold,
  orderHoldsNumber,
  DRAFT_HOLD_MS,
} from '../../../domain/number-holds';
import { normalizePhoneNumber } from '../../../domain/phone-numbers';

const keys = (inputs: string[]) =>
  inputs.map((n) => {
    const parsed = normalizePhoneNumber(n, 'US');
    return parsed.ok ? parsed.e164 : undefined;
  });

describe('duplicates inside one request', () => {
  it('finds two spellings of one number after E.164 normalisation', () => {
    const inputs = ['+17185959042', '+1 (718) 595-9042'];
    expect(duplicateNumbers(keys(inputs))).toEqual([
      { index: 1, firstIndex: 0, phoneNumber: '+17185959042' },
    ]);
  });

  it('names every later copy at its own index, each pointing at the first occurrence', () => {
    const inputs = ['+12125550147', '+17185959042', '(212) 555-0147', '718-595-9042', '+1 212 555 0147'];
    expect(duplicateNumbers(keys(inputs))).toEqual([
      { index: 2, firstIndex: 0, phoneNumber: '+12125550147' },
      { index: 3, firstIndex: 1, phoneNumber: '+17185959042' },
      { index: 4, firstIndex: 0, phoneNumber: '+12125550147' },
    ]);
  });

  it('finds nothing in a list of distinct numbers, and never matches unreadable entries', () => {
    expect(duplicateNumbers(keys(['+12125550147', '+12125550148']))).toEqual([]);
    expect(duplicateNumbers([undefined, undefined, '+12125550147'])).toEqual([]);
    expect(duplicateNumbers([])).toEqual([]);
  });

  it('reports them as problems at phoneNumbers[i], naming the number as written', () => {
    const inputs = ['+17185959042', '+1 (718) 595-9042'];
    const problems = duplicatePhoneNumberProblems(inputs, keys(inputs));
    expect(problems).toEqual([
      {
        code: 'duplicate_number',
        field: 'phoneNumbers[1]',
        message: expect.stringContaining('+1 (718) 595-9042'),
      },
    ]);
    expect(problems[0].message).toContain('phoneNumbers[0]');
  });
});

describe('when a number of a submitted order holds it', () => {
  it.each(['in_review', 'submitted_to_carrier', 'accepted', 'ported_sms_inactive'])('%s: held', (status) => {
    expect(numberHold({ status })).toEqual({ kind: 'held' });
  });

  it.each(['canceled', 'completed'])('%s: released', (status) => {
    expect(numberHold({ status })).toEqual({ kind: 'released' });
  });

  it('rejected for good (no resubmission window): released', () => {
    expect(numberHold({ status: 'rejected', rejection: {} })).toEqual({ kind: 'released' });
    expect(numberHold({ status: 'rejected' })).toEqual({ kind: 'released' });
  });

  it('rejected but resubmittable: held until its resubmission deadline', () => {
    const resubmitBy = '2027-01-05T12:00:00.000Z';
    expect(numberHold({ status: 'rejected', rejection: { resubmitBy } })).toEqual({
      kind: 'held',
      until: resubmitBy,
    });
  });
});

describe('whether an order, as stored, still holds a number', () => {
  const NOW = Date.parse('2027-01-05T12:00:00.000Z');
  const order = (
    numbers: { phoneNumber: string; status: string; rejection?: { resubmitBy?: string } }[],
  ) => ({
    status: 'in_progress',
    numbers,
  });
  const phone = '+12125550147';

  it('a deleted order holds nothing', () => {
    expect(orderHoldsNumber(null, phone, NOW)).toBe(false);
  });

  it('a number not listed one by one yet (submit in flight, before the first snapshot) is held', () => {
    expect(orderHoldsNumber({ status: 'draft', numbers: [] }, phone, NOW, NOW - 1_000)).toBe(true);
    expect(orderHoldsNumber({ status: 'in_review' }, phone, NOW)).toBe(true);
  });

  it('a draft holds no longer than a submit takes: a hold left by a dead submit lapses', () => {
    const draft = { status: 'draft', numbers: [] };
    expect(orderHoldsNumber(draft, phone, NOW, NOW - DRAFT_HOLD_MS + 1)).toBe(true);
    expect(orderHoldsNumber(draft, phone, NOW, NOW - DRAFT_HOLD_MS)).toBe(false);
    expect(orderHoldsNumber(draft, phone, NOW)).toBe(false);
  });

  it('follows the number: held while open, free once ended', () => {
    expect(orderHoldsNumber(order([{ phoneNumber: phone, status: 'accepted' }]), phone, NOW)).toBe(true);
    expect(orderHoldsNumber(order([{ phoneNumber: phone, status: 'canceled' }]), phone, NOW)).toBe(false);
  });

  it('a resubmittable rejection holds until its deadline, not after', () => {
    const rejected = (resubmitBy: string) =>
      order([{ phoneNumber: phone, status: 'rejected', rejection: { resubmitBy } }]);
    expect(orderHoldsNumber(rejected('2027-01-05T12:00:00.001Z'), phone, NOW)).toBe(true);
    expect(orderHoldsNumber(rejected('2027-01-05T12:00:00.000Z'), phone, NOW)).toBe(false);
  });
});
