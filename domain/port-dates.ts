/**
 * Which port dates may be asked for (rulebook 5 and 12): a draft's requested port date, and the new
 * date of a port-date change. One rule, used by intake validation, by the workflow's port-date
 * update validator, and by the port-date options the API lists, so the three can never disagree.
 */
import {
  addBusinessDays,
  addDays,
  isBusinessDay,
  isValidIsoDate,
  isWeekend,
  type CalendarCountry,
  type IsoDate,
} from './calendar';

/**
 * Business days a losing carrier needs between receiving a port request and the earliest FOC it
 * grants. The service is not told each carrier's lead time, so options use the common one (the
 * carrier simulator's default is the same); a carrier may still grant a later FOC than asked for.
 */
export const CARRIER_LEAD_BUSINESS_DAYS = 3;

/** How far ahead port-date options are listed (calendar days from today): ports are planned weeks ahead. */
export const PORT_DATE_HORIZON_DAYS = 60;

export type PortDateIssueReason = 'not_a_date' | 'not_business_day' | 'not_in_future' | 'before_foc';

export interface PortDateIssue {
  reason: PortDateIssueReason;
  message: string;
}

export interface PortDateRule {
  /** The order's country, whose business days count; unknown: not checked (intake reports the country). */
  country?: CalendarCountry;
  /** Today in the order's zone; unknown: not checked (intake reports the missing context). */
  today?: IsoDate;
  /** The latest FOC the carrier granted to the numbers concerned: a change may not move before it. */
  focDate?: IsoDate;
}

/**
 * Everything wrong with a port date, in the order the rulebook lists it (empty: the date may be
 * asked for): a calendar date, a business day of the order's country, after today, and not before
 * an FOC the carrier already granted.
 */
export function portDateIssues(date: unknown, rule: PortDateRule): PortDateIssue[] {
  if (!isValidIsoDate(date))
    return [
      {
        reason: 'not_a_date',
        message: `${typeof date === 'string' ? `'${date}'` : 'The port date'} is not a calendar date written YYYY-MM-DD.`,
      },
    ];
  const issues: PortDateIssue[] = [];
  const { country, today, focDate } = rule;
  if (country !== undefined && !isBusinessDay(date, country)) {
    const why = isWeekend(date) ? 'falls on a weekend' : `is a public holiday in ${country}`;
    issues.push({
      reason: 'not_business_day',
      message: `${date} ${why}: carriers only port on business days, so choose a weekday that is not a public holiday.`,
    });
  }
  if (today !== undefined && date <= today)
    issues.push({
      reason: 'not_in_future',
      message: `The port date ${date} is not in the future: choose a later business day (the port happens on or after the FOC date the carrier grants).`,
    });
  if (focDate !== undefined && date < focDate)
    issues.push({
      reason: 'before_foc',
      message: `${date} is before the FOC date ${focDate} the carrier granted: choose that date or a later business day.`,
    });
  return issues;
}

export interface PortDateOptionsInput {
  country: CalendarCountry;
  /** Today in the order's zone. */
  today: IsoDate;
  /** The latest FOC granted to the numbers a change would move; absent while the carrier has none. */
  focDate?: IsoDate;
  leadBusinessDays?: number;
  horizonDays?: number;
}

export interface PortDateOptions {
  /** The first date listed: the carrier's lead time from today, or the FOC once one is granted. */
  earliest: IsoDate;
  /** The last day of the horizon (calendar days from today). */
  latest: IsoDate;
  /** Every date between them that `portDateIssues` accepts, ascending. */
  dates: IsoDate[];
  /** Weekdays between them left out because they are public holidays of the country. */
  holidays: IsoDate[];
}

/**
 * The dates that may be asked for now. Without an FOC the carrier still has to schedule the port, so
 * its lead time counts from today (a request sent on a weekend or holiday counts from the next
 * business day, as carriers count); with one, a change may move to the FOC or later.
 */
export function portDateOptions(input: PortDateOptionsInput): PortDateOptions {
  const lead = input.leadBusinessDays ?? CARRIER_LEAD_BUSINESS_DAYS;
  const latest = addDays(input.today, input.horizonDays ?? PORT_DATE_HORIZON_DAYS);
  const rule: PortDateRule = { country: input.country, today: input.today, focDate: input.focDate };
  const earliest =
    input.focDate !== undefined
      ? input.focDate > input.today
        ? input.focDate
        : addDays(input.today, 1)
      : addBusinessDays(input.today, lead, input.country);
  const dates: IsoDate[] = [];
  const holidays: IsoDate[] = [];
  for (let date = earliest; date <= latest; date = addDays(date, 1)) {
    if (portDateIssues(date, rule).length === 0) dates.push(date);
    else if (!isWeekend(date) && !isBusinessDay(date, input.country)) holidays.push(date);
  }
  return { earliest, latest, dates, holidays };
}
