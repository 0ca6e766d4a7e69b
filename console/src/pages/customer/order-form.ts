/**
 * The new-order form's state and its request bodies. Pure (no DOM): test/unit/console checks that
 * empty fields are left out (the API then names what is missing) and that a draft's masked secrets
 * are never sent back.
 */
import { splitPastedNumbers } from '../../lib/numbers';

export interface OrderForm {
  country: 'US' | 'CA';
  customerReference: string;
  firstName: string;
  lastName: string;
  businessName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  notificationEmail: string;
  numbers: string;
  accountNumber: string;
  pin: string;
  btn: string;
  requestedPortDate: string;
}

export const EMPTY_FORM: OrderForm = {
  country: 'US',
  customerReference: '',
  firstName: '',
  lastName: '',
  businessName: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  notificationEmail: '',
  numbers: '',
  accountNumber: '',
  pin: '',
  btn: '',
  requestedPortDate: '',
};

const given = (v: string) => (v.trim() ? v.trim() : undefined);
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The fields common to create and edit; blank values are left out for the API to judge. */
function draftFields(f: OrderForm) {
  return defined({
    customerReference: given(f.customerReference),
    phoneNumbers: splitPastedNumbers(f.numbers),
    authorizedPerson: defined({
      firstName: given(f.firstName),
      lastName: given(f.lastName),
      businessName: given(f.businessName),
    }),
    serviceAddress: {
      line1: f.line1.trim(),
      ...(given(f.line2) ? { line2: given(f.line2) } : {}),
      city: f.city.trim(),
      region: f.region.trim(),
      postalCode: f.postalCode.trim(),
      country: f.country,
    },
    // Blank secrets are not sent: on an existing draft that keeps what is on file.
    losingCarrier: defined({
      accountNumber: given(f.accountNumber),
      pin: given(f.pin),
      btn: given(f.btn),
    }),
    notificationEmail: f.notificationEmail.trim(),
  });
}

export function createBody(f: OrderForm) {
  return { country: f.country, ...draftFields(f) };
}

export function patchBody(f: OrderForm) {
  return { ...draftFields(f), ...(f.requestedPortDate ? { requestedPortDate: f.requestedPortDate } : {}) };
}

/** A stored draft back into the form; masked secrets stay blank (they are kept unless retyped). */
export function formFromOrder(o: {
  country: string;
  customerReference?: string;
  authorizedPerson: { firstName?: string; lastName?: string; businessName?: string };
  serviceAddress: { line1: string; line2?: string; city: string; region: string; postalCode: string };
  losingCarrier: { btn?: string };
  notificationEmail: string;
  phoneNumbers: string[];
  requestedPortDate?: string;
}): OrderForm {
  return {
    country: o.country === 'CA' ? 'CA' : 'US',
    customerReference: o.customerReference ?? '',
    firstName: o.authorizedPerson.firstName ?? '',
    lastName: o.authorizedPerson.lastName ?? '',
    businessName: o.authorizedPerson.businessName ?? '',
    line1: o.serviceAddress.line1,
    line2: o.serviceAddress.line2 ?? '',
    city: o.serviceAddress.city,
    region: o.serviceAddress.region,
    postalCode: o.serviceAddress.postalCode,
    notificationEmail: o.notificationEmail,
    numbers: o.phoneNumbers.join('\n'),
    accountNumber: '',
    pin: '',
    btn: o.losingCarrier.btn ?? '',
    requestedPortDate: o.requestedPortDate ?? '',
  };
}

/** Which step of the form shows a field the API named (so the form can go back to it). */
export const STEP_FIELDS: Record<1 | 2, readonly string[]> = {
  1: ['country', 'customerReference', 'authorizedPerson', 'serviceAddress', 'notificationEmail'],
  2: ['phoneNumbers', 'losingCarrier', 'requestedPortDate'],
};
