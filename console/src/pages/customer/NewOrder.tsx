/**
 * New port-in order, the three screens of the source — User details → Port-in details → Documents —
 * then a review of every unmet requirement before Submit. The draft is created when the numbers are
 * saved and edited after that; every judgement (portability, port dates, requirements, the submit
 * itself) is the API's answer, shown as it comes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { problemOf, unwrap, type Order, type PortDateOptions, type Schemas } from '../../api';
import { fieldId, GroupProblems, SelectField, TextAreaField, TextField } from '../../components/Field';
import { ProblemSummary } from '../../components/Problems';
import { formatDate } from '../../lib/format';
import { splitPastedNumbers } from '../../lib/numbers';
import { fieldMatches, type Problem } from '../../lib/problems';
import { href } from '../../lib/route';
import type { PageProps } from '../../registry';
import { createBody, EMPTY_FORM, formFromOrder, patchBody, STEP_FIELDS, type OrderForm } from './order-form';
import { Documents } from './Documents';
import { Review } from './Review';

type Step = 1 | 2 | 3 | 4;
const STEPS: Record<Step, string> = {
  1: 'User details',
  2: 'Port-in details',
  3: 'Documents',
  4: 'Review and submit',
};

function Steps({ step }: { step: Step }) {
  return (
    <ol class="steps" aria-label="Steps">
      {([1, 2, 3, 4] as Step[]).map((s) => (
        <li
          key={s}
          aria-current={s === step ? 'step' : undefined}
          class={s === step ? 'current' : s < step ? 'done' : ''}
        >
          {STEPS[s]}
        </li>
      ))}
    </ol>
  );
}

type Check = Schemas['PortabilityCheckResult']['data'][number];

function NumberChecks({ checks }: { checks: Check[] }) {
  if (!checks.length) return null;
  return (
    <ul class="number-checks" aria-label="Portability of the numbers">
      {checks.map((c, i) => (
        <li key={i} class={c.portable ? 'ok' : 'not-ok'}>
          <strong>{c.phoneNumber ?? c.input}</strong>:{' '}
          {c.portable ? (
            <>
              portable
              {c.lineType ? ` (${c.lineType}${c.losingCarrier ? `, ${c.losingCarrier}` : ''})` : ''}
            </>
          ) : (
            <>not portable: {(c.reasons ?? []).map((r) => r.message).join('; ') || c.reason}</>
          )}
        </li>
      ))}
    </ul>
  );
}

export function NewOrder({ api, params }: PageProps) {
  const [step, setStep] = useState<Step>(1);
  const [form, setForm] = useState<OrderForm>(EMPTY_FORM);
  const [order, setOrder] = useState<Order | null>(null);
  const [others, setOthers] = useState<{ id: string; splitReason?: string }[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState<Check[]>([]);
  const [checkedText, setCheckedText] = useState('');
  const [portDates, setPortDates] = useState<PortDateOptions | null>(null);
  // A new screen moves the focus to its heading (not on the first, where the page's own h1 has it).
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else stepHeading.current?.focus();
  }, [step]);
  // Once the draft is saved, the port dates it may ask for appear: the focus goes there.
  useEffect(() => {
    if (portDates) document.getElementById(fieldId('requestedPortDate'))?.focus();
  }, [portDates]);

  // Continuing a draft: load it into the form.
  useEffect(() => {
    if (!params.id) return;
    unwrap(api.client.GET('/v1/port-in-orders/{id}', { params: { path: { id: params.id } } })).then(
      (o) => {
        setOrder(o);
        setForm(formFromOrder(o));
      },
      (err: unknown) => setProblem(problemOf(err)),
    );
  }, [params.id]);

  const set = (k: keyof OrderForm) => (v: string) => setForm({ ...form, [k]: v } as OrderForm);
  const errors = problem?.errors ?? [];
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      await work();
    } catch (err) {
      const p = problemOf(err);
      setProblem(p);
      // Back to the first screen showing a field the API refused.
      const at = ([1, 2] as const).find((s) =>
        p.errors.some((e) => e.field && STEP_FIELDS[s].some((k) => fieldMatches(e.field!, k))),
      );
      if (at && at < step) setStep(at);
    } finally {
      setBusy(false);
    }
  };

  const checkNumbers = () =>
    run(async () => {
      const numbers = splitPastedNumbers(form.numbers);
      if (!numbers.length) return setChecks([]);
      const result = await unwrap(
        api.client.POST('/v1/portability-checks', { body: { phoneNumbers: numbers, country: form.country } }),
      );
      setChecks(result.data);
      setCheckedText(form.numbers);
    });

  const loadPortDates = async (id: string) =>
    setPortDates(
      await unwrap(api.client.GET('/v1/port-in-orders/{id}/port-date-options', { params: { path: { id } } })),
    );

  const saveDraft = () =>
    run(async () => {
      if (!order) {
        const created = await unwrap(api.client.POST('/v1/port-in-orders', { body: createBody(form) }));
        const [first, ...rest] = created.orders;
        setOrder(first);
        setOthers(rest.map((o) => ({ id: o.id, splitReason: o.splitReason })));
        if (first.id) window.history.replaceState(null, '', href('/orders/:id/edit', { id: first.id }));
        await loadPortDates(first.id);
        setNote(
          rest.length
            ? `Saved as ${created.orders.length} draft orders (${first.splitReason ?? 'the numbers are ported apart'}). This form continues with ${first.id}. Pick a preferred port date if you want one, then continue.`
            : 'Draft saved. Pick a preferred port date if you want one, then continue.',
        );
        return;
      }
      const edited = await unwrap(
        api.client.PATCH('/v1/port-in-orders/{id}', {
          params: { path: { id: order.id } },
          body: patchBody(form),
        }),
      );
      setOrder(edited);
      if (!portDates) {
        await loadPortDates(edited.id);
        setNote('Draft saved. Pick a preferred port date if you want one, then continue.');
        return;
      }
      setStep(3);
    });

  const go = (s: Step) => {
    setProblem(null);
    setNote(null);
    setStep(s);
  };
  const stepOne = (e: Event) => {
    e.preventDefault();
    go(2);
  };
  const stepTwo = (e: Event) => {
    e.preventDefault();
    void saveDraft();
  };

  return (
    <>
      <Steps step={step} />
      {order ? (
        <p class="muted">
          Draft <a href={href('/orders/:id', { id: order.id })}>{order.id}</a>
          {others.length ? (
            <>
              ; also created:{' '}
              {others.map((o) => (
                <a key={o.id} href={href('/orders/:id', { id: o.id })}>
                  {o.id}{' '}
                </a>
              ))}
            </>
          ) : null}
        </p>
      ) : null}
      <h2 class="step-title" tabIndex={-1} ref={stepHeading}>
        {STEPS[step]}
      </h2>
      {step === 1 ? (
        <form onSubmit={stepOne} noValidate>
          <SelectField
            name="country"
            label="Country"
            value={form.country}
            onValue={set('country')}
            disabled={!!order}
            options={[
              { value: 'US', label: 'United States' },
              { value: 'CA', label: 'Canada' },
            ]}
            problems={errors}
          />
          <fieldset>
            <legend>Authorized person or business, as on the carrier account</legend>
            <GroupProblems name="authorizedPerson" problems={errors} />
            <TextField
              name="authorizedPerson.firstName"
              label="First name"
              autoComplete="given-name"
              value={form.firstName}
              onValue={set('firstName')}
              problems={errors}
            />
            <TextField
              name="authorizedPerson.lastName"
              label="Last name"
              autoComplete="family-name"
              value={form.lastName}
              onValue={set('lastName')}
              problems={errors}
            />
            <TextField
              name="authorizedPerson.businessName"
              label="Business name"
              autoComplete="organization"
              value={form.businessName}
              onValue={set('businessName')}
              problems={errors}
              hint="A first and last name, or a business name."
            />
          </fieldset>
          <fieldset>
            <legend>Service address, where the numbers are in service</legend>
            <TextField
              name="serviceAddress.line1"
              label="Street address"
              autoComplete="address-line1"
              value={form.line1}
              onValue={set('line1')}
              problems={errors}
              hint="A street address as the carrier has it: a PO box is not accepted."
            />
            <TextField
              name="serviceAddress.line2"
              label="Apartment, suite or floor"
              autoComplete="address-line2"
              value={form.line2}
              onValue={set('line2')}
              problems={errors}
            />
            <TextField
              name="serviceAddress.city"
              label="City"
              autoComplete="address-level2"
              value={form.city}
              onValue={set('city')}
              problems={errors}
            />
            <TextField
              name="serviceAddress.region"
              label={form.country === 'CA' ? 'Province or territory' : 'State'}
              autoComplete="address-level1"
              value={form.region}
              onValue={set('region')}
              problems={errors}
            />
            <TextField
              name="serviceAddress.postalCode"
              label={form.country === 'CA' ? 'Postal code' : 'ZIP code'}
              autoComplete="postal-code"
              value={form.postalCode}
              onValue={set('postalCode')}
              problems={errors}
              hint={
                form.country === 'CA' ? 'Format A1A 1A1.' : '5 digits, or ZIP+4 (12345-6789); never 00000.'
              }
            />
          </fieldset>
          <TextField
            name="notificationEmail"
            label="Notification email"
            type="email"
            autoComplete="email"
            value={form.notificationEmail}
            onValue={set('notificationEmail')}
            problems={errors}
            hint="Every email about this order goes here."
          />
          <TextField
            name="customerReference"
            label="Your reference (optional)"
            value={form.customerReference}
            onValue={set('customerReference')}
            problems={errors}
          />
          <ProblemSummary problem={problem} claimed={[...STEP_FIELDS[1], ...STEP_FIELDS[2]]} />
          <div class="actions">
            <button type="submit">Continue to port-in details</button>
          </div>
        </form>
      ) : null}
      {step === 2 ? (
        <form onSubmit={stepTwo} noValidate>
          <TextAreaField
            name="phoneNumbers"
            label="Phone numbers to port"
            rows={6}
            value={form.numbers}
            onValue={set('numbers')}
            onBlur={() => form.numbers !== checkedText && void checkNumbers()}
            problems={errors}
            hint="Up to 20, one per line (or separated by commas). Each is checked for portability."
          />
          <div class="actions">
            <button type="button" onClick={() => void checkNumbers()} disabled={busy}>
              Check numbers
            </button>
          </div>
          <div aria-live="polite">
            <NumberChecks checks={checks} />
          </div>
          <fieldset>
            <legend>Account at the losing carrier</legend>
            <TextField
              name="losingCarrier.accountNumber"
              label="Account number"
              autoComplete="off"
              value={form.accountNumber}
              onValue={set('accountNumber')}
              problems={errors}
              hint={
                order?.losingCarrier.accountNumber
                  ? `On file: ${order.losingCarrier.accountNumber}. Leave empty to keep it.`
                  : undefined
              }
            />
            <TextField
              name="losingCarrier.pin"
              label="Port-out PIN"
              autoComplete="off"
              value={form.pin}
              onValue={set('pin')}
              problems={errors}
              hint={
                order?.losingCarrier.pin
                  ? `On file: ${order.losingCarrier.pin}. Leave empty to keep it.`
                  : 'Required when a number is wireless.'
              }
            />
            <TextField
              name="losingCarrier.btn"
              label="Billing telephone number (BTN, optional)"
              inputMode="tel"
              value={form.btn}
              onValue={set('btn')}
              problems={errors}
            />
          </fieldset>
          {portDates ? (
            <SelectField
              name="requestedPortDate"
              label="Preferred port date (optional)"
              value={form.requestedPortDate}
              onValue={set('requestedPortDate')}
              options={[
                { value: '', label: 'No preference: the earliest the carrier grants' },
                ...portDates.dates.map((d) => ({ value: d.date, label: formatDate(d.date) })),
              ]}
              problems={errors}
              hint={`Business days only, from the carrier's lead time of ${portDates.leadBusinessDays} business days (days in ${portDates.timeZone}).`}
            />
          ) : (
            <p class="muted">The preferred port date can be picked once the draft is saved.</p>
          )}
          <ProblemSummary problem={problem} claimed={[...STEP_FIELDS[1], ...STEP_FIELDS[2]]} />
          <p role="status">{note}</p>
          <div class="actions">
            <button type="button" onClick={() => go(1)}>
              Back
            </button>
            <button type="submit" disabled={busy}>
              {order && portDates ? 'Save and continue to documents' : 'Save draft'}
            </button>
          </div>
        </form>
      ) : null}
      {step === 3 && order ? (
        <>
          <Documents api={api} order={order} onChanged={setOrder} />
          <div class="actions">
            <button type="button" onClick={() => go(2)}>
              Back
            </button>
            <button type="button" onClick={() => go(4)}>
              Continue to review
            </button>
          </div>
        </>
      ) : null}
      {step === 4 && order ? (
        <Review api={api} order={order} onBack={() => go(3)} onEdit={(s) => go(s)} />
      ) : null}
    </>
  );
}
