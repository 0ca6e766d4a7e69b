import fc from 'fast-check';
import {
  addDays,
  isBusinessDay,
  PROBLEM_CODES,
  validateSubmission,
  WARNING_CODES,
  type PortInOrderDraft,
  type ValidationResult,
} from '../../../domain';
import { LANDLINE, TODAY, validContext, validDraft } from './fixtures';

const ANYTHING = {
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
} as const;

function deepFreeze<T>(value: T): T {
  // Typed arrays cannot be frozen (and validation never reads into them).
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function expectWellFormed(result: ValidationResult): void {
  for (const p of result.problems) {
    expect(PROBLEM_CODES).toContain(p.code);
    expect(typeof p.field).toBe('string');
    expect(p.message.length).toBeGreaterThan(10);
  }
  for (const w of result.warnings) {
    expect(WARNING_CODES).toContain(w.code);
    expect(w.message.length).toBeGreaterThan(10);
  }
}

type Path = Array<string | number>;

/** Every path into a value (objects and arrays included), for replacing parts of a valid draft. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}

function setPath(target: unknown, path: Path, replacement: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    // An earlier replacement may have put something else here (a number, a boxed string...): skip.
    if (
      !Array.isArray(next) &&
      (typeof next !== 'object' || next === null || Object.getPrototypeOf(next) !== Object.prototype)
    )
      return;
    node = next as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = replacement;
}

describe('validateSubmission never throws', () => {
  it('on any value at all as draft and context', () => {
    fc.assert(
      fc.property(fc.anything(ANYTHING), fc.anything(ANYTHING), (draft, ctx) => {
        expectWellFormed(validateSubmission(draft as PortInOrderDraft, ctx as never));
      }),
      { numRuns: 400 },
    );
  });

  it('on a valid draft with any parts replaced by anything, and does not modify it', () => {
    const paths = pathsOf(validDraft()).filter((p) => p.length > 0);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.anything(ANYTHING)), { minLength: 1, maxLength: 6 }),
        (replacements) => {
          const draft = validDraft();
          for (const [path, value] of replacements) setPath(draft, path, value);
          const frozen = deepFreeze(draft);
          const before = JSON.stringify(frozen, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
          expectWellFormed(validateSubmission(frozen, deepFreeze(validContext())));
          expect(JSON.stringify(frozen, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(
            before,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on a context with any parts replaced by anything', () => {
    const keys = [
      'actorRole',
      'accountPlan',
      'today',
      'lookups',
      'activeNumbers',
      'numbersInOtherOpenOrders',
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(ANYTHING), (key, value) => {
        expectWellFormed(validateSubmission(validDraft(), { ...validContext(), [key]: value }));
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.anything(ANYTHING), (value) => {
        const draft = { ...validDraft(), numbers: [{ phoneNumber: LANDLINE }, value] } as PortInOrderDraft;
        expect(validateSubmission(draft, validContext())).toEqual(validateSubmission(draft, validContext()));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a valid draft stays valid under irrelevant changes', () => {
  const businessDaysAhead = Array.from({ length: 200 }, (_, i) => addDays(TODAY, i + 1)).filter((d) =>
    isBusinessDay(d, 'US'),
  );
  const recase = (s: string, flips: boolean[]) =>
    [...s]
      .map((ch, i) => (flips[i % Math.max(flips.length, 1)] ? ch.toUpperCase() : ch.toLowerCase()))
      .join('');
  const cnamChar = fc.constantFrom(..."ABCxyz019 .,'-&!".split(''));
  const validCnam = fc
    .tuple(fc.constantFrom(...'AZaz09'.split('')), fc.array(cnamChar, { maxLength: 14 }))
    .map(([first, rest]) => first + rest.join(''));

  it('customer reference, alias, subaccount, letter case, order of lists, unrelated context, port date, CNAM', () => {
    fc.assert(
      fc.property(
        fc.record({
          customerReference: fc.option(fc.string(), { nil: undefined }),
          alias: fc.option(fc.string(), { nil: undefined }),
          subaccountId: fc.option(fc.string(), { nil: undefined }),
          accountId: fc.string(),
          flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
          signerName: fc.constantFrom('Jane Smith', 'SMITH, JANE', 'jane smith', ' Jane  Smith '),
          numberOrder: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
          documentOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
          unrelated: fc.uniqueArray(fc.integer({ min: 1000, max: 1999 }), { maxLength: 5 }),
          requestedPortDate: fc.option(fc.constantFrom(...businessDaysAhead), { nil: undefined }),
          cnam: fc.option(validCnam, { nil: undefined }),
          capabilities: fc.constantFrom('voice' as const, 'voice+sms' as const),
        }),
        (change) => {
          const base = validDraft();
          const draft: PortInOrderDraft = {
            ...base,
            accountId: change.accountId,
            customerReference: change.customerReference,
            serviceAddress: {
              ...base.serviceAddress,
              line1: recase(base.serviceAddress.line1, change.flips),
              line2: recase(base.serviceAddress.line2 ?? '', change.flips),
              city: recase(base.serviceAddress.city, change.flips),
              region: recase(base.serviceAddress.region, change.flips),
            },
            notificationEmail: recase(base.notificationEmail, change.flips),
            numbers: change.numberOrder.map((i) => base.numbers[i]),
            documents: change.documentOrder.map((i) => ({
              ...base.documents[i],
              signerName: base.documents[i].kind === 'loa' ? change.signerName : undefined,
            })),
            requestedPortDate: change.requestedPortDate,
            configuration: {
              ...base.configuration,
              capabilities: change.capabilities,
              alias: change.alias,
              subaccountId: change.subaccountId,
              cnam: change.cnam,
            },
          };
          const context = validContext();
          const unrelated = change.unrelated.map((n) => `+1212555${n}`);
          const result = validateSubmission(draft, {
            ...context,
            lookups: [...context.lookups]
              .reverse()
              .concat(unrelated.map((n) => ({ phoneNumber: n, portableAtCarrier: false }))),
            activeNumbers: unrelated,
            numbersInOtherOpenOrders: unrelated,
          });
          expect(result).toEqual({ problems: [], warnings: [] });
        },
      ),
    );
  });
});

describe('every corrupted field is reported, at its path, all at once', () => {
  interface Corruption {
    path: string;
    /** Corruptions that interfere share a group: at most one per group is applied. */
    group?: string;
    apply: (d: PortInOrderDraft) => void;
  }
  const CORRUPTIONS: Corruption[] = [
    // (A switch to 'CA' would be a valid country: the numbers and address would be reported instead.)
    { path: 'country', apply: (d) => (d.country = 'AU') },
    { path: 'numbers[3].phoneNumber', apply: (d) => (d.numbers[3].phoneNumber = '12345') },
    { path: 'numbers[3].phoneNumber', apply: (d) => (d.numbers[3].phoneNumber = LANDLINE) },
    { path: 'numbers[3].phoneNumber', apply: (d) => (d.numbers[3].phoneNumber = '+442071838750') },
    { path: 'authorizedPerson.lastName', group: 'person', apply: (d) => (d.authorizedPerson.lastName = '') },
    {
      path: 'documents[0].signerName',
      group: 'person',
      apply: (d) => (d.documents[0].signerName = 'Someone Else'),
    },
    { path: 'serviceAddress.line1', apply: (d) => (d.serviceAddress.line1 = 'P.O. Box 42') },
    { path: 'serviceAddress.line1', apply: (d) => (d.serviceAddress.line1 = ' ') },
    { path: 'serviceAddress.line2', apply: (d) => (d.serviceAddress.line2 = 'POB 7') },
    { path: 'serviceAddress.city', apply: (d) => (d.serviceAddress.city = '') },
    { path: 'serviceAddress.region', apply: (d) => (d.serviceAddress.region = 'XX') },
    { path: 'serviceAddress.postalCode', apply: (d) => (d.serviceAddress.postalCode = 'ABCDE') },
    { path: 'serviceAddress.country', apply: (d) => (d.serviceAddress.country = 'GB' as never) },
    { path: 'notificationEmail', apply: (d) => (d.notificationEmail = 'not-an-email') },
    { path: 'losingCarrier.accountNumber', apply: (d) => (d.losingCarrier.accountNumber = undefined) },
    { path: 'losingCarrier.pin', apply: (d) => (d.losingCarrier.pin = '') },
    { path: 'losingCarrier.btn', apply: (d) => (d.losingCarrier.btn = '12') },
    { path: 'documents[0].phoneNumbers[0]', apply: (d) => (d.documents[0].phoneNumbers[0] = '+14155559999') },
    { path: 'documents[1].loaTemplate', apply: (d) => (d.documents[1].loaTemplate = 'standard') },
    { path: 'documents[2].issuedOn', apply: (d) => (d.documents[2].issuedOn = '2025-04-01') },
    { path: 'documents[2].issuedOn', apply: (d) => (d.documents[2].issuedOn = undefined) },
    { path: 'requestedPortDate', apply: (d) => (d.requestedPortDate = '2025-05-01') },
    { path: 'requestedPortDate', apply: (d) => (d.requestedPortDate = '2025-02-30') },
    { path: 'configuration.capabilities', apply: (d) => (d.configuration.capabilities = 'sms') },
    { path: 'configuration.capabilities', apply: (d) => (d.configuration.capabilities = 'fax' as never) },
    { path: 'configuration.cnam', apply: (d) => (d.configuration.cnam = 'This name is far too long') },
    {
      path: 'configuration.application.type',
      apply: (d) => (d.configuration.application = { type: 'webhook' as never, id: 'a' }),
    },
    { path: 'requesterIsTollFreeSubscriber', apply: (d) => (d.requesterIsTollFreeSubscriber = false) },
    { path: 'timeZone', apply: (d) => (d.timeZone = 'Mars/Olympus') },
    { path: 'projectPort', apply: (d) => (d.projectPort = true) },
  ];

  const reportedAt = (result: ValidationResult, path: string) =>
    result.problems.some(
      (p) => p.field === path || p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`),
    );

  it.each(CORRUPTIONS.map((c) => [c.path, c] as const))('alone: %s', (path, corruption) => {
    const draft = validDraft();
    corruption.apply(draft);
    expect(reportedAt(validateSubmission(draft, validContext()), path)).toBe(true);
  });

  it('in any combination', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...CORRUPTIONS), {
          minLength: 1,
          maxLength: 12,
          selector: (c) => c.group ?? c.path,
        }),
        (corruptions) => {
          const draft = validDraft();
          for (const c of corruptions) c.apply(draft);
          const result = validateSubmission(draft, validContext());
          for (const c of corruptions) expect(reportedAt(result, c.path)).toBe(true);
          expect(result.problems.length).toBeGreaterThanOrEqual(corruptions.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
