/** The numbers of the request: well-formed, unique, in the order's country, and free to port. */
import { duplicateNumbers } from '../number-holds';
import { normalizePhoneNumber, numberBelongsToCountry } from '../phone-numbers';
import type { Problem } from '../problems';
import { REJECTION_REASONS } from '../rejection-codes';
import { isPortCountry } from './read';
import { describeNumber, numberPath, problem, type IntakeRule } from './view';

export const checkNumberFormat: IntakeRule = (v) =>
  v.numbers
    .filter((entry) => !entry.valid)
    .map((entry) => {
      if (entry.input === undefined || entry.input.trim() === '') {
        return problem(
          'invalid_phone_number',
          numberPath(entry),
          `numbers[${entry.index}] has no phone number.`,
        );
      }
      const parsed = normalizePhoneNumber(entry.input, isPortCountry(v.country) ? v.country : undefined);
      const hint = parsed.ok
        ? ` Write it in E.164 format: ${parsed.e164}.`
        : parsed.reason === 'has_extension'
          ? ' Remove the extension: the main number is what ports.'
          : ' Use the E.164 format: +, country code, number (e.g. +14155552671).';
      return problem(
        'invalid_phone_number',
        numberPath(entry),
        `${describeNumber(entry)} is not a valid E.164 phone number.${hint}`,
      );
    });

/** Later copies of a number are the input error; the first occurrence stays. */
export const checkDuplicates: IntakeRule = (v) =>
  duplicateNumbers(v.numbers.map((entry) => entry.key)).map(({ index, firstIndex }) => {
    const entry = v.numbers[index];
    return problem(
      'duplicate_number',
      numberPath(entry),
      `${describeNumber(entry)} is already in this request as numbers[${firstIndex}]: list each number once.`,
    );
  });

export const checkNumberCountry: IntakeRule = (v) => {
  const country = v.portCountry;
  if (country === undefined) return [];
  return v.numbers
    .filter((entry) => entry.valid && !numberBelongsToCountry(entry.input, country))
    .map((entry) =>
      problem(
        'number_country_mismatch',
        numberPath(entry),
        `${describeNumber(entry)} is not a ${country} number: porting stays inside one country, so put it in an order for its own country.`,
      ),
    );
};

export const checkNumberAvailability: IntakeRule = (v) => {
  const problems: Problem[] = [];
  for (const entry of v.numbers) {
    if (entry.key === undefined) continue;
    if (v.activeNumbers.has(entry.key)) {
      problems.push(
        problem(
          'number_already_active',
          numberPath(entry),
          `${describeNumber(entry)} is already active on our platform: there is nothing to port. Remove it from the request.`,
        ),
      );
    }
    if (v.numbersInOtherOpenOrders.has(entry.key)) {
      problems.push(
        problem(
          'number_in_open_order',
          numberPath(entry),
          `${describeNumber(entry)} is already in another open port-in order: remove it here, or cancel it in the other order first.`,
        ),
      );
    }
  }
  return problems;
};

export const checkPortability: IntakeRule = (v) =>
  v.numbers
    .filter((entry) => entry.valid && entry.lookup?.portableAtCarrier === false)
    .map((entry) =>
      problem(
        'number_not_portable',
        numberPath(entry),
        `${describeNumber(entry)} cannot be ported from its current carrier. ${REJECTION_REASONS.unportable.remedy}`,
      ),
    );
