/** Who owns the numbers, where they are served, and where notifications go (rulebook section 3). */
import { isOrderTimeZone, isPoBox, isValidPostalCode, isValidRegion } from '../address';
import { isValidEmail } from '../email';
import type { Problem } from '../problems';
import { field, text } from './read';
import { problem, type IntakeRule } from './view';

export const checkAuthorizedPerson: IntakeRule = (v) => {
  const person = field(v.draft, 'authorizedPerson');
  const first = text(field(person, 'firstName'));
  const last = text(field(person, 'lastName'));
  if (text(field(person, 'businessName')) !== undefined || (first !== undefined && last !== undefined))
    return [];
  const what =
    'Give the authorized user’s first and last name, or the business name, exactly as the losing carrier has them.';
  // Point at the half that is missing when the other half is there.
  if (first !== undefined)
    return [
      problem('authorized_name_missing', 'authorizedPerson.lastName', `The last name is missing. ${what}`),
    ];
  if (last !== undefined)
    return [
      problem('authorized_name_missing', 'authorizedPerson.firstName', `The first name is missing. ${what}`),
    ];
  return [problem('authorized_name_missing', 'authorizedPerson', what)];
};

export const checkServiceAddress: IntakeRule = (v) => {
  const address = field(v.draft, 'serviceAddress');
  const problems: Problem[] = [];
  const line1 = text(field(address, 'line1'));
  const city = text(field(address, 'city'));
  const region = text(field(address, 'region'));
  const postalCode = text(field(address, 'postalCode'));
  const country = field(address, 'country');

  if (line1 === undefined) {
    problems.push(
      problem(
        'service_address_incomplete',
        'serviceAddress.line1',
        'Enter the street address where the numbers are in service.',
      ),
    );
  }
  for (const key of ['line1', 'line2'] as const) {
    if (isPoBox(field(address, key))) {
      problems.push(
        problem(
          'po_box_not_allowed',
          `serviceAddress.${key}`,
          'Post office boxes are not service addresses: enter the physical street address where the numbers are in service, as on the carrier’s records.',
        ),
      );
    }
  }
  if (city === undefined) {
    problems.push(
      problem('service_address_incomplete', 'serviceAddress.city', 'Enter the city of the service address.'),
    );
  }
  if (region === undefined || !isValidRegion(region, v.country)) {
    problems.push(
      problem(
        'invalid_region',
        'serviceAddress.region',
        region === undefined
          ? 'Enter the state, province or territory of the service address.'
          : `'${region}' is not a state, province or territory of the order’s country: use its postal code (e.g. NY, ON, NSW).`,
      ),
    );
  }
  if (postalCode === undefined || !isValidPostalCode(postalCode, v.country)) {
    problems.push(
      problem('invalid_postal_code', 'serviceAddress.postalCode', postalCodeMessage(postalCode, v.country)),
    );
  }
  if (country !== v.country) {
    problems.push(
      problem(
        'service_address_country_mismatch',
        'serviceAddress.country',
        'The service address must be in the order’s country: numbers are only ported within one country.',
      ),
    );
  }
  return problems;
};

function postalCodeMessage(postalCode: string | undefined, country: unknown): string {
  const format =
    country === 'US'
      ? 'a US ZIP code (12345 or 12345-6789)'
      : country === 'CA'
        ? 'a Canadian postal code (A1A 1A1)'
        : country === 'AU'
          ? 'an Australian postcode (4 digits)'
          : 'a postal code of a port country';
  return postalCode === undefined
    ? `Enter the postal code of the service address: ${format}.`
    : `'${postalCode}' is not ${format}.`;
}

export const checkNotificationEmail: IntakeRule = (v) => {
  const email = field(v.draft, 'notificationEmail');
  if (isValidEmail(email)) return [];
  return [
    problem(
      'invalid_notification_email',
      'notificationEmail',
      text(email) === undefined
        ? 'Enter the email address of the account the numbers go to: port updates are sent there.'
        : `'${text(email)}' is not a valid email address: port updates are sent to it.`,
    ),
  ];
};

export const INVALID_TIME_ZONE_MESSAGE =
  'timeZone must be an IANA time zone such as America/New_York, or be left out to use the service address’s zone.';

/** The override is optional (the address gives the zone), but when given it must be a real IANA zone. */
export const checkTimeZone: IntakeRule = (v) => {
  const timeZone = field(v.draft, 'timeZone');
  if (timeZone === undefined || timeZone === null) return [];
  if (isOrderTimeZone(timeZone)) return [];
  return [problem('invalid_time_zone', 'timeZone', INVALID_TIME_ZONE_MESSAGE)];
};
