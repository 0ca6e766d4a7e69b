/** What identifies the account at the losing carrier: account number, port PIN and BTN. */
import { isE164, normalizePhoneNumber, numberBelongsToCountry } from '../phone-numbers';
import type { Problem } from '../problems';
import { field, isPortCountry, text } from './read';
import { describeNumber, enumerate, problem, type IntakeRule } from './view';

export const checkCarrierAccount: IntakeRule = (v) => {
  const account = field(v.draft, 'losingCarrier');
  const problems: Problem[] = [];

  // Most carriers key a port on the account number; only an explicit "this carrier has none" skips it.
  if (field(account, 'usesAccountNumber') !== false && text(field(account, 'accountNumber')) === undefined) {
    problems.push(
      problem(
        'account_number_missing',
        'losingCarrier.accountNumber',
        'Enter the account number the losing carrier has on file (it is on the bill or the CSR); a missing account number gets the port rejected.',
      ),
    );
  }

  const wireless = v.numbers.filter((entry) => entry.valid && entry.lineType === 'wireless');
  if (wireless.length > 0 && text(field(account, 'pin')) === undefined) {
    problems.push(
      problem(
        'pin_required',
        'losingCarrier.pin',
        `${enumerate(wireless.map(describeNumber))} ${wireless.length === 1 ? 'is a wireless number' : 'are wireless numbers'}: enter the port PIN (number transfer PIN) from the losing carrier.`,
      ),
    );
  }

  const btn = field(account, 'btn');
  if (btn !== undefined && btn !== null && btn !== '') {
    const country = isPortCountry(v.country) ? v.country : undefined;
    const wellFormed = isE164(btn) && (country === undefined || numberBelongsToCountry(btn, country));
    if (!wellFormed) {
      const parsed = normalizePhoneNumber(btn, country);
      problems.push(
        problem(
          'invalid_btn_format',
          'losingCarrier.btn',
          `The billing telephone number (BTN) must be a phone number of the order’s country in E.164 format${parsed.ok && parsed.e164 !== btn ? ` (did you mean ${parsed.e164}?)` : ', e.g. +14155552671'}; leave it out if the account has none.`,
        ),
      );
    }
  }
  return problems;
};
