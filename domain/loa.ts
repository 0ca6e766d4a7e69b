/**
 * The letter of authorization (LOA) the service fills in from an order (issue #14 item 2): which
 * template (toll-free numbers port by a RespOrg change and need the toll-free LOA, rulebook section
 * 3), who authorizes, and every fact the losing carrier matches against its records. Pure content:
 * the PDF layout is in api/loa-pdf.ts, so what an LOA says is decided here once.
 */
import type { IsoDate } from './calendar';
import { isTollFree } from './phone-numbers';
import type { AuthorizedPerson, ServiceAddress } from './order';

export type LoaTemplate = 'standard' | 'toll_free';

export interface LoaFacts {
  orderId: string;
  authorizedPerson: AuthorizedPerson;
  serviceAddress: ServiceAddress;
  losingCarrier?: string;
  /** In full for the account's owner (the carrier matches it); masked for anyone else. */
  accountNumber?: string;
  btn?: string;
  phoneNumbers: string[];
  /** The day it is filled in, in the order's zone. */
  date: IsoDate;
}

export interface LoaContent {
  template: LoaTemplate;
  title: string;
  authorization: string;
  /** Label and value, in the order the carrier reads them. */
  fields: [string, string][];
  numbersHeading: string;
  phoneNumbers: string[];
  /** The lines the authorized person fills in (or the e-signature block replaces). */
  signatureLines: string[];
}

/** Toll-free orders hold only toll-free numbers (create splits them from local ones). */
export const loaTemplateFor = (phoneNumbers: readonly string[]): LoaTemplate =>
  phoneNumbers.length > 0 && phoneNumbers.every((n) => isTollFree(n)) ? 'toll_free' : 'standard';

/** The person who signs: the authorized user's name, else the business's. */
export function authorizedName(person: AuthorizedPerson): string {
  const name = [person.firstName, person.lastName].filter((p) => p && p.trim()).join(' ');
  return name || person.businessName?.trim() || '';
}

const addressLine = (a: ServiceAddress) =>
  [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter(Boolean).join(', ');

export function loaContent(facts: LoaFacts): LoaContent {
  const template = loaTemplateFor(facts.phoneNumbers);
  const person = facts.authorizedPerson;
  const signer = authorizedName(person);
  const carrier = facts.losingCarrier?.trim() || 'the current carrier';
  const business = person.businessName?.trim();
  const fields: [string, string][] = [
    ['Order', facts.orderId],
    ['Date', facts.date],
    [business && signer !== business ? 'Authorized person' : 'Account holder', signer || '(not given)'],
    ...(business && signer !== business ? [['Business', business] as [string, string]] : []),
    ['Service address', addressLine(facts.serviceAddress)],
    [template === 'toll_free' ? 'Current RespOrg / carrier' : 'Losing carrier', carrier],
    ['Account number', facts.accountNumber ?? '(none)'],
    ['Billing telephone number (BTN)', facts.btn ?? '(none)'],
  ];
  const count = `${facts.phoneNumbers.length} number${facts.phoneNumbers.length === 1 ? '' : 's'}`;
  return template === 'toll_free'
    ? {
        template,
        title: 'Toll-Free Letter of Authorization (RespOrg change)',
        authorization:
          `I, the toll-free subscriber named below, authorize the new service provider and its agents to ` +
          `change the Responsible Organization (RespOrg) of the toll-free numbers listed below from ${carrier}, ` +
          `and to act as my agent for their routing and administration. I am the subscriber of these numbers ` +
          `and authorized to make this change.`,
        fields,
        numbersHeading: `Toll-free numbers (${count})`,
        phoneNumbers: facts.phoneNumbers,
        signatureLines: ['Signature of the toll-free subscriber', 'Printed name', 'Title', 'Date'],
      }
    : {
        template,
        title: 'Letter of Authorization (LOA)',
        authorization:
          `I authorize the new service provider and its agents to port the telephone numbers listed below ` +
          `from ${carrier} and to act as my agent for this purpose. I am the account holder, or authorized ` +
          `to act for the account holder, and the information on this letter matches the account at ${carrier}.`,
        fields,
        numbersHeading: `Telephone numbers (${count})`,
        phoneNumbers: facts.phoneNumbers,
        signatureLines: ['Signature of the authorized person', 'Printed name', 'Title', 'Date'],
      };
}
