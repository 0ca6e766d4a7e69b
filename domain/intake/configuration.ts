/** The requested port date and the configuration applied on activation (rulebook section 3). */
import { CNAM_MAX_LENGTH, CNAM_PUNCTUATION, cnamIssues, invalidCnamCharacters } from '../cnam';
import { portDateIssues } from '../port-dates';
import type { Problem } from '../problems';
import { field, record, text } from './read';
import { problem, type IntakeRule } from './view';

const PORT_DATE_PROBLEMS = {
  not_a_date: 'invalid_port_date',
  not_business_day: 'port_date_not_business_day',
  not_in_future: 'port_date_not_in_future',
  before_foc: 'invalid_port_date', // no FOC before submission: never met at intake
} as const;

/** Optional; when given, the port-date rule of domain/port-dates.ts (shared with port-date changes). */
export const checkPortDate: IntakeRule = (v) => {
  const date = field(v.draft, 'requestedPortDate');
  if (date === undefined || date === null || date === '') return []; // optional
  return portDateIssues(date, { country: v.portCountry, today: v.today }).map((issue) =>
    problem(PORT_DATE_PROBLEMS[issue.reason], 'requestedPortDate', issue.message),
  );
};

export const checkCapabilities: IntakeRule = (v) => {
  const capabilities = field(field(v.draft, 'configuration'), 'capabilities');
  if (capabilities === 'voice' || capabilities === 'voice+sms') return [];
  if (capabilities === 'sms') {
    return [
      problem(
        'sms_only_not_portable',
        'configuration.capabilities',
        'A port moves voice and SMS together. To keep voice with your current provider and send SMS through us, use hosted messaging instead of a port-in; otherwise choose voice or voice+sms.',
      ),
    ];
  }
  return [
    problem(
      'invalid_capabilities',
      'configuration.capabilities',
      "Choose the capabilities to enable: 'voice' or 'voice+sms'.",
    ),
  ];
};

export const checkCnam: IntakeRule = (v) => {
  const cnam = field(field(v.draft, 'configuration'), 'cnam');
  if (cnam === undefined || cnam === null || cnam === '') return []; // optional
  const issues = cnamIssues(cnam);
  if (issues.length === 0) return [];
  const parts: string[] = [];
  if (typeof cnam !== 'string' || issues.includes('empty')) parts.push('it must contain letters or digits');
  if (issues.includes('too_long')) parts.push(`it is longer than ${CNAM_MAX_LENGTH} characters`);
  if (typeof cnam === 'string' && issues.includes('invalid_characters')) {
    parts.push(
      `it contains ${invalidCnamCharacters(cnam)
        .map((c) => JSON.stringify(c))
        .join(' ')}`,
    );
  }
  return [
    problem(
      'invalid_cnam',
      'configuration.cnam',
      `The caller ID name (CNAM) cannot be used: ${parts.join('; ')}. Use at most ${CNAM_MAX_LENGTH} characters: letters, digits, spaces and ${CNAM_PUNCTUATION.join(' ')}.`,
    ),
  ];
};

export const checkApplication: IntakeRule = (v) => {
  const application = field(field(v.draft, 'configuration'), 'application');
  if (application === undefined || application === null) return []; // attached later
  if (record(application) === undefined) {
    return [
      problem(
        'invalid_application',
        'configuration.application',
        'The application must name a type (xml_app or phlo) and an id.',
      ),
    ];
  }
  const problems: Problem[] = [];
  const type = field(application, 'type');
  if (type !== 'xml_app' && type !== 'phlo') {
    problems.push(
      problem(
        'invalid_application',
        'configuration.application.type',
        "The application type must be 'xml_app' (an XML application) or 'phlo' (a PHLO flow).",
      ),
    );
  }
  if (text(field(application, 'id')) === undefined) {
    problems.push(
      problem(
        'invalid_application',
        'configuration.application.id',
        'Give the id of the XML application or PHLO flow to attach to the numbers.',
      ),
    );
  }
  return problems;
};
