/**
 * Documents, per number (rulebook section 3): an LOA on the right template, signed by the authorized
 * person, and a proof of ownership: a bill at most 30 days old, a CSR, or (VoIP numbers only, which
 * often have neither) a screenshot of the account page.
 */
import { addDays, isValidIsoDate, type IsoDate } from '../calendar';
import { sameName } from '../matching';
import type { DocumentKind } from '../order';
import type { Problem } from '../problems';
import { field, list, numberKey, record, text, type NumberEntry } from './read';
import { describeNumber, enumerate, problem, type IntakeRule, type IntakeView } from './view';

export const BILL_MAX_AGE_DAYS = 30;

const DOCUMENT_KINDS: readonly unknown[] = ['loa', 'bill', 'csr', 'account_screenshot'];

interface DocumentView {
  index: number;
  kind: DocumentKind;
  /** An empty or absent list means every number of the order. */
  coversAll: boolean;
  covers: ReadonlySet<string>;
  raw: unknown;
}

/** Readable documents, plus problems for those that cannot be read or name numbers not in the order. */
function readDocuments(v: IntakeView): { documents: DocumentView[]; problems: Problem[] } {
  const orderKeys = new Set(v.numbers.map((n) => n.key).filter((k) => k !== undefined));
  const documents: DocumentView[] = [];
  const problems: Problem[] = [];
  list(field(v.draft, 'documents')).forEach((raw, index) => {
    const path = `documents[${index}]`;
    if (record(raw) === undefined) {
      problems.push(
        problem('invalid_document', path, `${path} is not a document: remove it or upload it again.`),
      );
      return;
    }
    const kind = field(raw, 'kind');
    if (!DOCUMENT_KINDS.includes(kind)) {
      problems.push(
        problem(
          'invalid_document',
          `${path}.kind`,
          `${path} has no known kind: use loa, bill, csr or account_screenshot.`,
        ),
      );
      return;
    }
    const numbers = field(raw, 'phoneNumbers');
    const covers = new Set<string>();
    if (numbers !== undefined && numbers !== null && !Array.isArray(numbers)) {
      problems.push(
        problem(
          'invalid_document',
          `${path}.phoneNumbers`,
          `${path}.phoneNumbers must list the numbers the document covers.`,
        ),
      );
    }
    list(numbers).forEach((n, j) => {
      const key = numberKey(n, v.country);
      if (key === undefined) {
        problems.push(
          problem(
            'invalid_document',
            `${path}.phoneNumbers[${j}]`,
            `${path}.phoneNumbers[${j}] is not a phone number.`,
          ),
        );
      } else if (!orderKeys.has(key)) {
        problems.push(
          problem(
            'document_number_not_in_order',
            `${path}.phoneNumbers[${j}]`,
            `${path} covers ${key}, which is not in this order: add the number to the order or correct the document's list.`,
          ),
        );
      } else covers.add(key);
    });
    const coversAll =
      numbers === undefined || numbers === null || (Array.isArray(numbers) && numbers.length === 0);
    documents.push({ index, kind: kind as DocumentKind, coversAll, covers, raw });
  });
  return { documents, problems };
}

function covering(documents: readonly DocumentView[], kind: DocumentKind, key: string): DocumentView[] {
  return documents.filter((d) => d.kind === kind && (d.coversAll || d.covers.has(key)));
}

/** Each number once: later duplicates are already reported and would only repeat the same findings. */
function distinctNumbers(v: IntakeView): NumberEntry[] {
  const seen = new Set<string>();
  return v.numbers.filter((entry) => entry.key !== undefined && !seen.has(entry.key) && seen.add(entry.key));
}

function loaTemplateFits(loa: DocumentView, tollFree: boolean): boolean {
  const template = field(loa.raw, 'loaTemplate');
  return tollFree
    ? template === 'toll_free'
    : template === undefined || template === null || template === 'standard';
}

function checkLoas(v: IntakeView, documents: readonly DocumentView[]): Problem[] {
  const problems: Problem[] = [];
  const wrongTemplate = new Map<number, boolean>(); // LOA index -> needed for a toll-free number
  for (const entry of distinctNumbers(v)) {
    const loas = covering(documents, 'loa', entry.key as string);
    if (loas.some((loa) => loaTemplateFits(loa, entry.tollFree))) continue;
    const template = entry.tollFree ? 'toll-free LOA template' : 'standard LOA template';
    for (const loa of loas) wrongTemplate.set(loa.index, entry.tollFree);
    problems.push(
      problem(
        'loa_missing',
        `numbers[${entry.index}]`,
        loas.length === 0
          ? `No LOA covers ${describeNumber(entry)}: upload a letter of authorization on the ${template}, signed by the authorized user, listing this number.`
          : `${describeNumber(entry)} needs an LOA on the ${template}; ${enumerate(loas.map((l) => `documents[${l.index}]`))} ${loas.length === 1 ? 'uses' : 'use'} the other template.`,
      ),
    );
  }
  for (const [index, tollFree] of wrongTemplate) {
    problems.push(
      problem(
        'loa_wrong_template',
        `documents[${index}].loaTemplate`,
        tollFree
          ? 'Toll-free numbers need the toll-free LOA template (loaTemplate: toll_free), signed by the toll-free subscriber.'
          : 'Local numbers need the standard LOA template (loaTemplate: standard); keep the toll-free template for toll-free numbers.',
      ),
    );
  }
  return problems;
}

/**
 * The signer must be the authorized person (else the carrier rejects it as an unauthorized contact).
 * When only a business is named, whoever signs for it cannot be checked here.
 */
function checkLoaSigners(v: IntakeView, documents: readonly DocumentView[]): Problem[] {
  const person = field(v.draft, 'authorizedPerson');
  return documents
    .filter((d) => d.kind === 'loa')
    .flatMap((loa) => {
      const mismatch = loaSignerProblem(
        person,
        field(loa.raw, 'signerName'),
        `documents[${loa.index}].signerName`,
      );
      return mismatch ? [mismatch] : [];
    });
}

/**
 * The signer rule for one LOA signer, uploaded or e-signed (api/routes/loa-signing.ts refuses the
 * same way): the problem, or undefined when the name matches or cannot be checked.
 */
export function loaSignerProblem(person: unknown, signerName: unknown, path: string): Problem | undefined {
  const first = text(field(person, 'firstName'));
  const last = text(field(person, 'lastName'));
  if (first === undefined || last === undefined) return undefined;
  const names = [`${first} ${last}`, text(field(person, 'businessName'))];
  const signer = text(signerName);
  if (signer === undefined || names.some((name) => sameName(signer, name))) return undefined;
  return problem(
    'loa_signer_mismatch',
    path,
    `The LOA is signed by '${signer}', but the authorized person is '${first} ${last}': have the authorized person sign it, or correct the authorized person.`,
  );
}

function checkTollFreeSubscriber(v: IntakeView): Problem[] {
  const tollFree = v.numbers.filter((entry) => entry.tollFree);
  if (tollFree.length === 0 || field(v.draft, 'requesterIsTollFreeSubscriber') === true) return [];
  return [
    problem(
      'toll_free_subscriber_required',
      'requesterIsTollFreeSubscriber',
      `Toll-free numbers (${enumerate(tollFree.map(describeNumber))}) can only be ported at the request of the toll-free subscriber: confirm that you are the subscriber (requesterIsTollFreeSubscriber).`,
    ),
  ];
}

export type BillDate = 'ok' | 'missing' | 'invalid' | 'too_old';

function billDate(bill: DocumentView, today: IsoDate | undefined): BillDate {
  return billIssueDate(field(bill.raw, 'issuedOn'), today);
}

/**
 * Whether a bill's issue date makes it count as proof of ownership on `today`: a bill must carry the
 * date printed on it, and one older than the maximum age does not count (rulebook section 3).
 */
export function billIssueDate(issuedOn: unknown, today: IsoDate | undefined): BillDate {
  if (issuedOn === undefined || issuedOn === null || issuedOn === '') return 'missing';
  if (!isValidIsoDate(issuedOn)) return 'invalid';
  if (today === undefined) return 'ok'; // no reference date: the context problem already blocks the order
  if (issuedOn > today) return 'invalid';
  return issuedOn < addDays(today, -BILL_MAX_AGE_DAYS) ? 'too_old' : 'ok';
}

export const BILL_PROBLEMS = {
  missing: ['bill_date_missing', 'The bill has no issue date: enter the date printed on it (YYYY-MM-DD).'],
  invalid: [
    'bill_date_invalid',
    'The bill’s issue date is not a real date, or lies in the future: enter the date printed on it (YYYY-MM-DD).',
  ],
  too_old: [
    'bill_too_old',
    `The bill is more than ${BILL_MAX_AGE_DAYS} days old: upload your most recent bill, or a CSR.`,
  ],
} as const;

function checkProofOfOwnership(v: IntakeView, documents: readonly DocumentView[]): Problem[] {
  const problems: Problem[] = [];
  const failedBills = new Map<number, Exclude<BillDate, 'ok'>>();
  for (const entry of distinctNumbers(v)) {
    const key = entry.key as string;
    const voip = entry.lineType === 'voip';
    const bills = covering(documents, 'bill', key).map((bill) => ({ bill, date: billDate(bill, v.today) }));
    const screenshots = covering(documents, 'account_screenshot', key);
    const proven =
      covering(documents, 'csr', key).length > 0 ||
      bills.some((b) => b.date === 'ok') ||
      (voip && screenshots.length > 0);
    if (proven) continue;
    const why: string[] = [];
    for (const { bill, date } of bills) {
      if (date !== 'ok') failedBills.set(bill.index, date);
      if (date === 'too_old')
        why.push(`the bill documents[${bill.index}] is more than ${BILL_MAX_AGE_DAYS} days old`);
      else if (date !== 'ok') why.push(`the bill documents[${bill.index}] has no valid issue date`);
    }
    if (screenshots.length > 0) why.push('account screenshots are accepted for VoIP numbers only');
    problems.push(
      problem(
        'proof_of_ownership_missing',
        `numbers[${entry.index}]`,
        `Prove ownership of ${describeNumber(entry)}: upload a phone bill from the last ${BILL_MAX_AGE_DAYS} days or a CSR covering it${voip ? ' (for this VoIP number, a screenshot of the account page showing your name and the number also works)' : ''}.${why.length > 0 ? ` Not accepted: ${why.join('; ')}.` : ''}`,
      ),
    );
  }
  for (const [index, date] of failedBills) {
    const [code, message] = BILL_PROBLEMS[date];
    problems.push(problem(code, `documents[${index}].issuedOn`, message));
  }
  return problems;
}

export const checkDocuments: IntakeRule = (v) => {
  const { documents, problems } = readDocuments(v);
  return [
    ...problems,
    ...checkLoas(v, documents),
    ...checkLoaSigners(v, documents),
    ...checkTollFreeSubscriber(v),
    ...checkProofOfOwnership(v, documents),
  ];
};
