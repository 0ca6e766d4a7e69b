/**
 * FOC (firm order commitment) date arithmetic and when the simulated port happens.
 * The simulator keeps one clock per country: the losing carriers' order desks sit in these zones,
 * and "today" / "business day" are read there (holidays from domain/calendar).
 */
import {
  addBusinessDays,
  isBusinessDay,
  localDate,
  zonedInstant,
  type CalendarCountry,
  type IsoDate,
} from '../domain/calendar';
import type { PortCountry } from '../domain/order';

export const CARRIER_TIME_ZONES: Readonly<Record<PortCountry, string>> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
};

/** Local hour on the FOC date at which the losing carrier releases the number (start of its working day). */
export const PORT_HOUR = 9;

export const DEFAULT_FOC_LEAD_BUSINESS_DAYS = 3;

export function carrierToday(now: number, country: PortCountry): IsoDate {
  return localDate(now, CARRIER_TIME_ZONES[country]);
}

/**
 * The FOC date the carrier grants for a request received at `submittedAt`: `leadBusinessDays`
 * business days after the day it was received (a request received on a weekend or holiday counts
 * as received on the next business day), or the requested port date when that is later
 * (moved to the next business day if it is not one).
 */
export function grantedFocDate(
  submittedAt: number,
  country: PortCountry,
  leadBusinessDays: number,
  requestedPortDate?: IsoDate,
): IsoDate {
  const calendar: CalendarCountry = country;
  const earliest = addBusinessDays(carrierToday(submittedAt, country), leadBusinessDays, calendar);
  if (requestedPortDate && requestedPortDate > earliest)
    return addBusinessDays(requestedPortDate, 0, calendar);
  return earliest;
}

/**
 * When the simulator confirms the port of a number accepted (or re-dated) at `decidedAt`:
 * - FOC date in the future: at PORT_HOUR on the FOC date (carrier zone), plus `portMs`;
 * - FOC date today or already past (demos move the FOC to today): `portMs` after `decidedAt`.
 */
export function portDueAt(focDate: IsoDate, country: PortCountry, decidedAt: number, portMs: number): number {
  if (focDate <= carrierToday(decidedAt, country)) return decidedAt + portMs;
  return zonedInstant(focDate, PORT_HOUR, 0, CARRIER_TIME_ZONES[country]) + portMs;
}

export type PortDateRefusal = 'not_business_day' | 'before_foc' | 'in_the_past';

/** A supp (port-date change) must name a business day, not before today, not before the current FOC. */
export function checkNewPortDate(
  portDate: IsoDate,
  currentFoc: IsoDate,
  country: PortCountry,
  now: number,
): PortDateRefusal | undefined {
  if (portDate < carrierToday(now, country)) return 'in_the_past';
  if (!isBusinessDay(portDate, country)) return 'not_business_day';
  if (portDate < currentFoc) return 'before_foc';
  return undefined;
}
