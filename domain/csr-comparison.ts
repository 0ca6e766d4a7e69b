/**
 * Prevention beats rejection (rulebook section 7): when a CSR is uploaded with structured fields,
 * compare the order with it field by field and warn about each difference the losing carrier would
 * reject, before the order is submitted. Only fields the CSR states are compared.
 */
import { normalizePostalCode, regionCode } from './address';
import { field, list, text } from './intake/read';
import { normalizeStreet, sameIdentifier, sameName } from './matching';
import type { PortInOrderDraft } from './order';
import { normalizePhoneNumber } from './phone-numbers';
import type { Warning } from './problems';

type AddressKey = 'line1' | 'line2' | 'city';

export function compareWithCsr(draft: PortInOrderDraft): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  const add = (warning: Warning) => {
    const key = `${warning.code}|${warning.field}`;
    if (!seen.has(key)) {
      seen.add(key);
      warnings.push(warning);
    }
  };
  list(field(draft, 'documents')).forEach((doc, index) => {
    const csr = field(doc, 'csr');
    if (field(doc, 'kind') !== 'csr' || csr === undefined) return;
    const source = `the CSR (documents[${index}])`;
    compareName(draft, csr, source).forEach(add);
    compareAddress(draft, csr, source).forEach(add);
    compareAccount(draft, csr, source).forEach(add);
  });
  return warnings;
}

function compareName(draft: unknown, csr: unknown, source: string): Warning[] {
  const csrName = text(field(csr, 'name'));
  if (csrName === undefined) return [];
  const person = field(draft, 'authorizedPerson');
  const first = text(field(person, 'firstName'));
  const last = text(field(person, 'lastName'));
  const business = text(field(person, 'businessName'));
  const orderNames = [first !== undefined && last !== undefined ? `${first} ${last}` : undefined, business];
  if (orderNames.some((name) => sameName(name, csrName))) return [];
  return [
    {
      code: 'csr_name_mismatch',
      field: 'authorizedPerson',
      message: `${source} names '${csrName}', which the order's authorized person or business name does not match: use the name exactly as on the CSR, or the carrier will reject the port (name mismatch).`,
      likelyRejection: 'name_mismatch',
    },
  ];
}

function compareAddress(draft: unknown, csr: unknown, source: string): Warning[] {
  const csrAddress = field(csr, 'serviceAddress');
  const address = field(draft, 'serviceAddress');
  const country = field(draft, 'country');
  const warnings: Warning[] = [];
  const mismatch = (key: string, csrValue: string): Warning => ({
    code: key === 'postalCode' ? 'csr_postal_code_mismatch' : 'csr_address_mismatch',
    field: `serviceAddress.${key}`,
    message: `${source} has '${csrValue}' as the service ${key === 'postalCode' ? 'postal code' : key === 'line1' || key === 'line2' ? 'street address' : key}: use the same value, or the carrier will likely reject the port (address mismatch).`,
    likelyRejection: 'address_mismatch',
  });

  for (const key of ['line1', 'line2', 'city'] as AddressKey[]) {
    const csrValue = text(field(csrAddress, key));
    const orderValue = text(field(address, key));
    if (
      csrValue !== undefined &&
      (orderValue === undefined || normalizeStreet(orderValue) !== normalizeStreet(csrValue))
    ) {
      warnings.push(mismatch(key, csrValue));
    }
  }
  const csrRegion = text(field(csrAddress, 'region'));
  const orderRegion = text(field(address, 'region'));
  if (csrRegion !== undefined && !sameRegion(csrRegion, orderRegion, country))
    warnings.push(mismatch('region', csrRegion));

  const csrPostal = text(field(csrAddress, 'postalCode'));
  const orderPostal = text(field(address, 'postalCode'));
  if (csrPostal !== undefined && !samePostalCode(csrPostal, orderPostal, country))
    warnings.push(mismatch('postalCode', csrPostal));
  return warnings;
}

function sameRegion(csrRegion: string, orderRegion: string | undefined, country: unknown): boolean {
  if (orderRegion === undefined) return false;
  const a = regionCode(csrRegion, country);
  return a !== undefined ? a === regionCode(orderRegion, country) : sameIdentifier(csrRegion, orderRegion);
}

/** A ZIP without +4 on either side matches on its five digits: the CSR often omits the +4. */
function samePostalCode(csrCode: string, orderCode: string | undefined, country: unknown): boolean {
  if (orderCode === undefined) return false;
  const a = normalizePostalCode(csrCode, country);
  const b = normalizePostalCode(orderCode, country);
  if (a === undefined || b === undefined) return sameIdentifier(csrCode, orderCode);
  if (country === 'US' && (a.length === 5 || b.length === 5)) return a.slice(0, 5) === b.slice(0, 5);
  return a === b;
}

function compareAccount(draft: unknown, csr: unknown, source: string): Warning[] {
  const account = field(draft, 'losingCarrier');
  const warnings: Warning[] = [];
  const csrAccount = text(field(csr, 'accountNumber'));
  if (csrAccount !== undefined && !sameIdentifier(csrAccount, text(field(account, 'accountNumber')))) {
    warnings.push({
      code: 'csr_account_number_mismatch',
      field: 'losingCarrier.accountNumber',
      message: `${source} shows account number '${csrAccount}': enter it exactly, or the carrier will reject the port (incorrect account number).`,
      likelyRejection: 'incorrect_account_number',
    });
  }
  const csrBtn = text(field(csr, 'btn'));
  if (
    csrBtn !== undefined &&
    !samePhoneNumber(csrBtn, text(field(account, 'btn')), field(draft, 'country'))
  ) {
    warnings.push({
      code: 'csr_btn_mismatch',
      field: 'losingCarrier.btn',
      message: `${source} shows the billing telephone number (BTN) ${csrBtn}: enter it as the order's BTN, or the carrier will reject the port (invalid BTN).`,
      likelyRejection: 'invalid_btn',
    });
  }
  return warnings;
}

function samePhoneNumber(a: string, b: string | undefined, country: unknown): boolean {
  if (b === undefined) return false;
  const hint = typeof country === 'string' ? country : undefined;
  const x = normalizePhoneNumber(a, hint);
  const y = normalizePhoneNumber(b, hint);
  return x.ok && y.ok ? x.e164 === y.e164 : sameIdentifier(a, b);
}
