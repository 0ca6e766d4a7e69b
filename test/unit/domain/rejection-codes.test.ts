import { isRejectionCode, REJECTION_CODES, REJECTION_REASONS } from '../../../domain';

describe('rejection codes (rulebook section 7)', () => {
  it('are exactly the codes of the rulebook', () => {
    expect([...REJECTION_CODES].sort()).toEqual(
      [
        'unsatisfactory_business_relationship',
        'data_mismatch',
        'name_mismatch',
        'address_mismatch',
        'number_inactive',
        'unauthorized_contact',
        'wrong_wireless_pin',
        'incorrect_account_number',
        'invalid_btn',
        'unportable',
        'resold_account',
        'pending_service_request',
        'incorrect_service_account_number',
      ].sort(),
    );
  });

  it.each(REJECTION_CODES)('%s has a meaning and a remedy for the customer', (code) => {
    const reason = REJECTION_REASONS[code];
    expect(reason.code).toBe(code);
    expect(reason.meaning.trim().length).toBeGreaterThan(10);
    expect(reason.remedy.trim().length).toBeGreaterThan(10);
  });

  it('describes no code that is not in the list', () => {
    expect(Object.keys(REJECTION_REASONS).sort()).toEqual([...REJECTION_CODES].sort());
  });

  it('makes only unportable final (not resubmittable)', () => {
    expect(REJECTION_CODES.filter((c) => !REJECTION_REASONS[c].resubmittable)).toEqual(['unportable']);
  });

  it('tells an unportable number to rent a new number or forward calls', () => {
    expect(REJECTION_REASONS.unportable.remedy).toMatch(/rent a new number/i);
    expect(REJECTION_REASONS.unportable.remedy).toMatch(/forward/i);
  });

  it('recognises codes and nothing else', () => {
    expect(isRejectionCode('invalid_btn')).toBe(true);
    for (const value of ['INVALID_BTN', 'foo', '', undefined, null, 3, {}])
      expect(isRejectionCode(value)).toBe(false);
  });
});
