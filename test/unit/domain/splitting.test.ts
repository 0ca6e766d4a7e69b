import fc from 'fast-check';
import { splitDraftNumbers, type NumberLookup } from '../../../domain';

const local = (n: string, carrier?: string): NumberLookup => ({
  phoneNumber: n,
  lineType: 'landline',
  portableAtCarrier: true,
  ...(carrier ? { losingCarrier: carrier } : {}),
});
const orderNumbers = (...numbers: string[]) => numbers.map((phoneNumber) => ({ phoneNumber }));

const A = '+14155552671';
const B = '+14155552672';
const C = '+14155552673';
const TF = '+18005551234';
const TF2 = '+18885551234';

describe('splitDraftNumbers', () => {
  it('keeps one group when every number is local and at the same carrier', () => {
    const groups = splitDraftNumbers(orderNumbers(A, B), [local(A, 'Verizon'), local(B, 'Verizon')]);
    expect(groups).toEqual([
      {
        losingCarrier: 'Verizon',
        tollFree: false,
        phoneNumbers: [A, B],
        reason: 'not_split',
        description: 'Local numbers at Verizon',
      },
    ]);
  });

  it('splits by losing carrier', () => {
    const groups = splitDraftNumbers(orderNumbers(A, B, C), [
      local(A, 'Verizon'),
      local(B, 'AT&T'),
      local(C, 'verizon '),
    ]);
    expect(groups.map((g) => [g.losingCarrier, g.phoneNumbers, g.reason])).toEqual([
      ['AT&T', [B], 'losing_carrier'],
      ['Verizon', [A, C], 'losing_carrier'],
    ]);
  });

  it('splits toll-free from local numbers, local first', () => {
    const groups = splitDraftNumbers(orderNumbers(TF, A), [
      local(A, 'Verizon'),
      { ...local(TF, 'Verizon'), lineType: 'toll_free' },
    ]);
    expect(groups.map((g) => [g.tollFree, g.phoneNumbers, g.reason])).toEqual([
      [false, [A], 'toll_free'],
      [true, [TF], 'toll_free'],
    ]);
    expect(groups[1].description).toBe('Toll-free numbers at Verizon');
  });

  it('recognises toll-free numbers by their number even without a look-up', () => {
    const groups = splitDraftNumbers(orderNumbers(A, TF, TF2), [
      local(A, 'Verizon'),
      local(TF, 'Verizon'),
      local(TF2, 'Verizon'),
    ]);
    expect(groups.map((g) => g.phoneNumbers)).toEqual([[A], [TF, TF2]]);
  });

  it('splits by both, and keeps numbers of an unknown carrier apart, last', () => {
    const groups = splitDraftNumbers(orderNumbers(C, TF, A, B), [
      local(A, 'Verizon'),
      local(B, 'AT&T'),
      local(TF, 'Verizon'),
    ]);
    expect(groups.map((g) => [g.tollFree, g.losingCarrier, g.phoneNumbers])).toEqual([
      [false, 'AT&T', [B]],
      [false, 'Verizon', [A]],
      [false, undefined, [C]],
      [true, 'Verizon', [TF]],
    ]);
    expect(new Set(groups.map((g) => g.reason))).toEqual(new Set(['losing_carrier_and_toll_free']));
    expect(groups[2].description).toBe('Local numbers whose losing carrier is unknown');
  });

  it('lists each number once, in E.164, even when the request repeats or reformats it', () => {
    const groups = splitDraftNumbers(orderNumbers(A, '+1 (415) 555-2671', B), [
      local(A, 'Verizon'),
      local(B, 'Verizon'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].phoneNumbers).toEqual([A, B]);
  });

  it('returns no group for no numbers, and never throws on garbage', () => {
    expect(splitDraftNumbers([], [])).toEqual([]);
    expect(() =>
      splitDraftNumbers([null, 3, { phoneNumber: {} }] as never, [null, {}] as never),
    ).not.toThrow();
  });

  it('gives the same groups whatever the order of the request (deterministic)', () => {
    const lookups = [local(A, 'Verizon'), local(B, 'AT&T'), local(C, 'Bell'), local(TF, 'Verizon')];
    const sortedGroups = (numbers: string[]) =>
      splitDraftNumbers(orderNumbers(...numbers), lookups).map((g) => ({
        ...g,
        phoneNumbers: [...g.phoneNumbers].sort(),
      }));
    fc.assert(
      fc.property(fc.shuffledSubarray([A, B, C, TF, TF2], { minLength: 5, maxLength: 5 }), (shuffled) => {
        expect(sortedGroups(shuffled)).toEqual(sortedGroups([A, B, C, TF, TF2]));
      }),
    );
  });

  it('puts every distinct number in exactly one group of one carrier and one type', () => {
    const carriers = ['Verizon', 'AT&T', undefined];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1000, max: 9999 }), { maxLength: 30 }),
        fc.array(fc.constantFrom(...carriers), { minLength: 30, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (suffixes, carrierOf, tollFreeOf) => {
          const numbers = suffixes.map((s, i) => (tollFreeOf[i] ? `+1800555${s}` : `+1415555${s}`));
          const lookups = numbers.map((n, i) => local(n, carrierOf[i]));
          const groups = splitDraftNumbers(orderNumbers(...numbers), lookups);
          expect(groups.flatMap((g) => g.phoneNumbers).sort()).toEqual([...numbers].sort());
          for (const g of groups) {
            for (const n of g.phoneNumbers) {
              const i = numbers.indexOf(n);
              expect(g.losingCarrier).toBe(carrierOf[i]);
              expect(g.tollFree).toBe(tollFreeOf[i]);
            }
          }
          if (groups.length > 0) expect(groups[0].reason === 'not_split').toBe(groups.length === 1);
        },
      ),
    );
  });
});
