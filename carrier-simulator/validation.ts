/**
 * The losing carrier's decision on each number of a port request: accept, or reject with one
 * rulebook reason code (section 7). Pure: the CSRs come in as data.
 *
 * A carrier reports one reason per number; when several apply, the first in this order wins:
 *  1. the number's country is not the order's country → data_mismatch
 *  2. number state: unportable → unportable; inactive → number_inactive
 *  3. account: resold → resold_account; another order open on the number → pending_service_request
 *  4. authentication: account number → incorrect_account_number / incorrect_service_account_number;
 *     PIN → wrong_wireless_pin; BTN → invalid_btn
 *  5. the LOA against the CSR: name → name_mismatch / unauthorized_contact, address or ZIP →
 *     address_mismatch, name and address both wrong → data_mismatch
 *  6. money: unpaid balance → unsatisfactory_business_relationship
 * Numbers without a CSR belong to the generic carrier and only need a complete request (name and
 * a physical service address with a valid ZIP); their account number, PIN and BTN are not checked.
 * The demo carrier's rejection range (demo-profile.ts) rejects with its fixed code instead.
 */
import type { CarrierPortRequest } from '../carrier/gateway';
import type { RejectionCode } from '../domain/rejection-codes';
import { demoLine } from './demo-profile';
import { numberCountries } from './lookup';
import {
  isCompleteAddress,
  isPoBox,
  normalizeAccountNumber,
  normalizeLastName,
  normalizePin,
  normalizeText,
  sameBusiness,
  samePerson,
  sameServiceAddress,
  toE164,
} from './normalize';
import { findCsr, type CsrNumber, type CustomerServiceRecord } from './records';

/** What the carrier checks; the order's identity fields (id, attempt, key) do not matter here. */
export type PortRequestDetails = Pick<
  CarrierPortRequest,
  'country' | 'authorizedPerson' | 'serviceAddress' | 'accountNumber' | 'pin' | 'btn'
>;

export type NumberDecision =
  | { phoneNumber: string; outcome: 'accept' }
  | { phoneNumber: string; outcome: 'reject'; reasonCode: RejectionCode };

export function decidePortRequest(
  details: PortRequestDetails,
  phoneNumbers: readonly string[],
  records: readonly CustomerServiceRecord[],
): NumberDecision[] {
  return phoneNumbers.map((phoneNumber) => {
    const reasonCode = rejectionFor(details, phoneNumber, records);
    return reasonCode ? { phoneNumber, outcome: 'reject', reasonCode } : { phoneNumber, outcome: 'accept' };
  });
}

function rejectionFor(
  details: PortRequestDetails,
  phoneNumber: string,
  records: readonly CustomerServiceRecord[],
): RejectionCode | undefined {
  const csr = findCsr(records, phoneNumber);
  const countries = csr ? [csr.record.country] : numberCountries(phoneNumber);
  if (!countries.includes(details.country)) return 'data_mismatch';
  if (!csr) {
    const demo = demoLine(phoneNumber);
    return demo?.outcome === 'reject' ? demo.reasonCode : genericCarrierRejection(details);
  }

  const { record, line } = csr;
  if (line.state === 'unportable') return 'unportable';
  if (line.state === 'inactive') return 'number_inactive';
  if (record.reseller) return 'resold_account';
  if (line.state === 'pending_order') return 'pending_service_request';
  return (
    accountNumberRejection(details, record, line) ??
    pinRejection(details, record, line) ??
    btnRejection(details, record) ??
    loaRejection(details, record) ??
    (record.balanceDueCents > 0 ? 'unsatisfactory_business_relationship' : undefined)
  );
}

function genericCarrierRejection(details: PortRequestDetails): RejectionCode | undefined {
  const person = details.authorizedPerson;
  const named =
    normalizeText(person.businessName) !== '' ||
    (normalizeText(person.firstName) !== '' && normalizeText(person.lastName) !== '');
  const address = details.serviceAddress;
  const located = address.country === details.country && isCompleteAddress(address) && !isPoBox(address);
  return combine(named ? undefined : 'name_mismatch', located ? undefined : 'address_mismatch');
}

function accountNumberRejection(
  details: PortRequestDetails,
  record: CustomerServiceRecord,
  line: CsrNumber,
): RejectionCode | undefined {
  const given = normalizeAccountNumber(details.accountNumber);
  const expected = normalizeAccountNumber(line.serviceAccountNumber ?? record.accountNumber);
  if (given !== '' && given === expected) return undefined;
  if (line.serviceAccountNumber && given !== '') {
    // The customer quoted an account of theirs, just not the one this number is served under.
    const ownAccounts = [record.accountNumber, ...record.numbers.map((n) => n.serviceAccountNumber ?? '')];
    if (ownAccounts.some((a) => normalizeAccountNumber(a) === given))
      return 'incorrect_service_account_number';
  }
  return 'incorrect_account_number';
}

/** The PIN is required for wireless numbers; on other lines it is checked only when one is given. */
function pinRejection(
  details: PortRequestDetails,
  record: CustomerServiceRecord,
  line: CsrNumber,
): RejectionCode | undefined {
  if (!record.pin) return undefined;
  const given = normalizePin(details.pin);
  if (line.lineType !== 'wireless' && given === '') return undefined;
  return given === record.pin ? undefined : 'wrong_wireless_pin';
}

function btnRejection(details: PortRequestDetails, record: CustomerServiceRecord): RejectionCode | undefined {
  if (!record.btn) return undefined;
  return toE164(details.btn, record.country) === record.btn ? undefined : 'invalid_btn';
}

function loaRejection(details: PortRequestDetails, record: CustomerServiceRecord): RejectionCode | undefined {
  const nameIssue = nameRejection(details.authorizedPerson, record);
  const addressIssue = sameServiceAddress(details.serviceAddress, record.serviceAddress)
    ? undefined
    : 'address_mismatch';
  if (nameIssue === 'unauthorized_contact') return nameIssue;
  return combine(nameIssue, addressIssue);
}

/**
 * The LOA must name the account holder. A person signing for a business must be one of its
 * authorized contacts; someone of the holder's household who is not on the account is an
 * unauthorized contact rather than a plain name mismatch.
 */
function nameRejection(
  given: PortRequestDetails['authorizedPerson'],
  record: CustomerServiceRecord,
): 'name_mismatch' | 'unauthorized_contact' | undefined {
  const holder = record.accountHolder;
  const givesPerson = normalizeText(given.firstName) !== '' || normalizeText(given.lastName) !== '';
  const givesBusiness = normalizeText(given.businessName) !== '';
  const authorized = [holder, ...record.authorizedContacts].some((p) => samePerson(given, p));

  if (holder.businessName) {
    const businessMatches = givesBusiness && sameBusiness(given.businessName, holder.businessName);
    if (givesBusiness && !businessMatches) return 'name_mismatch';
    if (!givesPerson) return businessMatches ? undefined : 'name_mismatch';
    if (authorized) return undefined;
    return businessMatches ? 'unauthorized_contact' : 'name_mismatch';
  }

  if (!givesPerson) return 'name_mismatch';
  if (authorized) return undefined;
  const sameHousehold =
    normalizeLastName(given.lastName) !== '' &&
    normalizeLastName(given.lastName) === normalizeLastName(holder.lastName);
  return sameHousehold ? 'unauthorized_contact' : 'name_mismatch';
}

/** Name and address both wrong is reported as the generic data_mismatch. */
function combine(
  nameIssue: RejectionCode | undefined,
  addressIssue: RejectionCode | undefined,
): RejectionCode | undefined {
  if (nameIssue && addressIssue) return 'data_mismatch';
  return nameIssue ?? addressIssue;
}
