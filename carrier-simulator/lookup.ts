/**
 * The LNP look-up: which country, line type and losing carrier a number has, and whether that
 * carrier can release it. Seeded numbers answer from their CSR; any other valid number is a
 * generic landline (toll-free when its numbering plan says so) at the generic carrier, or at the
 * demo carrier for its range (demo-profile.ts).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { NumberLookup, PortCountry } from '../domain/order';
import { DEMO_CARRIER, demoLine } from './demo-profile';
import { findCsr, GENERIC_CARRIER, type CustomerServiceRecord } from './records';

const PORT_COUNTRIES: readonly PortCountry[] = ['US', 'CA', 'AU'];

/**
 * The countries a number can belong to. NANP toll-free numbers (800, 888, ...) are shared by the
 * US and Canada, so they fit an order of either country.
 */
export function numberCountries(phoneNumber: string): PortCountry[] {
  const parsed = parsePhoneNumberFromString(phoneNumber);
  if (!parsed?.isValid()) return [];
  if (parsed.countryCallingCode === '1' && parsed.getType() === 'TOLL_FREE') return ['US', 'CA'];
  const country = parsed.country as PortCountry | undefined;
  return country && PORT_COUNTRIES.includes(country) ? [country] : [];
}

export function lookupNumber(phoneNumber: string, records: readonly CustomerServiceRecord[]): NumberLookup {
  const csr = findCsr(records, phoneNumber);
  if (csr) {
    return {
      phoneNumber,
      country: csr.record.country,
      lineType: csr.line.lineType,
      losingCarrier: csr.record.carrier,
      portableAtCarrier: csr.line.state !== 'unportable',
    };
  }
  const parsed = parsePhoneNumberFromString(phoneNumber);
  if (!parsed?.isValid()) return { phoneNumber, portableAtCarrier: false };
  return {
    phoneNumber,
    country: parsed.country ?? numberCountries(phoneNumber)[0],
    lineType: parsed.getType() === 'TOLL_FREE' ? 'toll_free' : 'landline',
    losingCarrier: demoLine(phoneNumber) ? DEMO_CARRIER : GENERIC_CARRIER,
    portableAtCarrier: true,
  };
}
