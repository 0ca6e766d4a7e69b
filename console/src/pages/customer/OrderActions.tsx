/**
 * The actions on a submitted order. Each asks the API first and shows its answer before acting:
 * cancellation and port-date change show the quote (fee per number, total, window) and wait for a
 * confirmation; the console computes no fee and judges no window itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { problemOf, unwrap, type Api, type ChangeQuote, type Order, type PortDateOptions } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { CalendarDate, Money } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { formatDate, formatMoney, WINDOW_WORDS } from '../../lib/format';
import type { Problem } from '../../lib/problems';

interface ActionProps {
  order: Order;
  api: Api;
  onDone: () => void;
}

/** One key per confirmed action: a double click or a retry is answered once (api/idempotency.ts). */
const idempotencyKey = () => ({ 'Idempotency-Key': crypto.randomUUID() });

function QuoteTable({ quote, caption }: { quote: ChangeQuote; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="quote">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Window</th>
            <th scope="col">Fee</th>
          </tr>
        </thead>
        <tbody>
          {quote.numbers.map((n) => (
            <tr key={n.phoneNumber}>
              <th scope="row">{n.phoneNumber}</th>
              <td>
                {WINDOW_WORDS[n.window] ?? n.window}
                {n.refusal ? (
                  <>
                    {' '}
                    — not allowed now: <code>{n.refusal}</code>
                  </>
                ) : null}
              </td>
              <td>
                <Money cents={n.feeCents} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td>
              <Money cents={quote.totalCents} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function NumberChoice(props: {
  legend: string;
  numbers: string[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  if (props.numbers.length < 2) return null;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.numbers.map((n) => (
        <label key={n} class="check">
          <input
            type="checkbox"
            checked={props.chosen.includes(n)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked ? [...props.chosen, n] : props.chosen.filter((c) => c !== n),
              )
            }
          />{' '}
          {n}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The numbers a cancellation may still take, as the API quotes them for the whole order (a number
 * it quotes `closed` is activated, ported or finished): the console decides no eligibility itself.
 */
function useCancellableNumbers(order: Order, api: Api): string[] | null {
  const [numbers, setNumbers] = useState<string[] | null>(null);
  useEffect(() => {
    let current = true;
    unwrap(
      api.client.GET('/v1/port-in-orders/{id}/cancellation-quote', {
        params: { path: { id: order.id }, query: {} },
      }),
    ).then(
      (q) => current && setNumbers(q.numbers.filter((n) => n.window !== 'closed').map((n) => n.phoneNumber)),
      () => current && setNumbers([]),
    );
    return () => {
      current = false;
    };
  }, [order, api]);
  return numbers;
}

export function CancelOrder({ order, api, onDone }: ActionProps) {
  const cancellable = useCancellableNumbers(order, api);
  const open = cancellable ?? [];
  const [chosen, setChosen] = useState<string[]>([]);
  // Every cancellable number is chosen at first (and again once the order has changed).
  useEffect(() => setChosen(cancellable ?? []), [cancellable]);
  const [quote, setQuote] = useState<ChangeQuote | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once everything is canceled the form goes, but the answer (the fees charged) stays in view.
  if (open.length === 0) return done ? <p role="status">{done}</p> : null;
  const subset = chosen.length && chosen.length < open.length ? chosen : undefined;
  const ask = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      setQuote(
        await unwrap(
          api.client.GET('/v1/port-in-orders/{id}/cancellation-quote', {
            params: { path: { id: order.id }, query: subset ? { phoneNumbers: subset.join(',') } : {} },
          }),
        ),
      );
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/cancel', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: subset ? { phoneNumbers: subset } : {},
        }),
      );
      setQuote(null);
      setDone(`Canceled. Fees charged: ${formatMoney(result.totalCents)}.`);
      onDone();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="cancel-h" class="action">
      <h2 id="cancel-h">Cancel</h2>
      <NumberChoice
        legend="Numbers to cancel"
        numbers={open}
        chosen={chosen}
        onChange={(c) => {
          setChosen(c);
          setQuote(null);
        }}
      />
      {!quote ? (
        <button type="button" onClick={() => void ask()} disabled={busy || chosen.length === 0}>
          Quote cancellation
        </button>
      ) : (
        <div class="confirm" role="region" aria-label="Cancellation quote">
          <QuoteTable quote={quote} caption="What cancelling costs now" />
          {quote.allowed ? (
            <p>Cancelling charges {formatMoney(quote.totalCents)} in total. This cannot be undone.</p>
          ) : (
            <p>The API does not allow you to cancel every quoted number now (see the window of each).</p>
          )}
          <div class="actions">
            <button
              type="button"
              class="danger"
              onClick={() => void confirm()}
              disabled={busy || !quote.allowed}
            >
              Confirm cancellation
            </button>
            <button type="button" onClick={() => setQuote(null)}>
              Keep the order
            </button>
          </div>
        </div>
      )}
      <ProblemSummary problem={problem} />
      <p role="status">{done}</p>
    </section>
  );
}

export function ChangePortDate({ order, api, onDone }: ActionProps) {
  const [options, setOptions] = useState<PortDateOptions | null>(null);
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const o = await unwrap(
        api.client.GET('/v1/port-in-orders/{id}/port-date-options', { params: { path: { id: order.id } } }),
      );
      setOptions(o);
      setDate(o.dates[0]?.date ?? '');
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/port-date', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: { portDate: date },
        }),
      );
      setOptions(null);
      setDone(
        `Port date changed: FOC ${formatDate(result.focDate)}, fees ${formatMoney(result.totalCents)}.`,
      );
      onDone();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const fee = options?.dates.find((d) => d.date === date)?.feeCents;
  return (
    <section aria-labelledby="port-date-h" class="action">
      <h2 id="port-date-h">Port date</h2>
      {!options ? (
        <button type="button" onClick={() => void load()} disabled={busy}>
          Change port date
        </button>
      ) : options.purpose !== 'port_date_change' || options.dates.length === 0 ? (
        <p>No number of this order can move to another date now.</p>
      ) : (
        <div class="confirm" role="region" aria-label="Port-date change quote">
          <SelectField
            name="portDate"
            label="New port date (business days only)"
            value={date}
            onValue={setDate}
            options={options.dates.map((d) => ({ value: d.date, label: formatDate(d.date) }))}
            problems={problem?.errors}
            hint={
              options.focDate ? (
                <>
                  Current FOC date: <CalendarDate date={options.focDate} />. Days are in {options.timeZone}.
                </>
              ) : (
                `Days are in ${options.timeZone}.`
              )
            }
          />
          {options.quote ? <QuoteTable quote={options.quote} caption="What the change costs now" /> : null}
          {fee !== undefined ? (
            <p>
              Changing to {formatDate(date)} costs {formatMoney(fee)} in total.
            </p>
          ) : null}
          {options.quote && !options.quote.allowed ? (
            <p>The API does not allow you to change the date of every number now.</p>
          ) : null}
          <div class="actions">
            <button
              type="button"
              onClick={() => void confirm()}
              disabled={busy || !date || (options.quote ? !options.quote.allowed : false)}
            >
              Confirm port-date change
            </button>
            <button type="button" onClick={() => setOptions(null)}>
              Keep the current date
            </button>
          </div>
        </div>
      )}
      <ProblemSummary problem={problem} claimed={['portDate']} />
      <p role="status">{done}</p>
    </section>
  );
}

/** What a resubmission may correct: each field named as the API's problems name it. */
const CORRECTIONS = [
  {
    key: 'accountNumber',
    name: 'corrections.accountNumber',
    label: 'Corrected account number',
    secret: true,
  },
  { key: 'pin', name: 'corrections.pin', label: 'Corrected PIN', secret: true },
  { key: 'btn', name: 'corrections.btn', label: 'Corrected BTN' },
  { key: 'firstName', name: 'corrections.authorizedPerson.firstName', label: 'Corrected first name' },
  { key: 'lastName', name: 'corrections.authorizedPerson.lastName', label: 'Corrected last name' },
  {
    key: 'businessName',
    name: 'corrections.authorizedPerson.businessName',
    label: 'Corrected business name',
  },
] as const;

export function Resubmit({ order, api, onDone }: ActionProps) {
  const rejected = order.numbers
    .filter((n) => n.status === 'rejected' && n.rejection?.resubmitBy)
    .map((n) => n.phoneNumber);
  const [chosen, setChosen] = useState<string[]>(rejected);
  const [c, setC] = useState({
    accountNumber: '',
    pin: '',
    btn: '',
    firstName: '',
    lastName: '',
    businessName: '',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof c) => (v: string) => setC({ ...c, [k]: v });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const person = Object.fromEntries(
      (['firstName', 'lastName', 'businessName'] as const)
        .filter((k) => c[k].trim())
        .map((k) => [k, c[k].trim()]),
    );
    const corrections = {
      ...(c.accountNumber.trim() ? { accountNumber: c.accountNumber.trim() } : {}),
      ...(c.pin.trim() ? { pin: c.pin.trim() } : {}),
      ...(c.btn.trim() ? { btn: c.btn.trim() } : {}),
      ...(Object.keys(person).length ? { authorizedPerson: person } : {}),
    };
    try {
      const result = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/resubmit', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: { ...(chosen.length < rejected.length ? { phoneNumbers: chosen } : {}), corrections },
        }),
      );
      setDone(`Resubmitted ${result.phoneNumbers.join(', ')} (carrier submission ${result.attempt}).`);
      onDone();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const claimed = CORRECTIONS.map((f) => f.name);
  return (
    <section aria-labelledby="resubmit-h" class="action">
      <h2 id="resubmit-h">Resubmit after the rejection</h2>
      <p>Correct what the rejection names (leave a field empty to keep it), then resubmit.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <NumberChoice legend="Numbers to resubmit" numbers={rejected} chosen={chosen} onChange={setChosen} />
        {CORRECTIONS.map((f) => (
          <TextField
            key={f.key}
            name={f.name}
            label={f.label}
            value={c[f.key]}
            onValue={set(f.key)}
            problems={problem?.errors}
            {...('secret' in f ? { autoComplete: 'off' } : {})}
            {...(f.key === 'btn' ? { inputMode: 'tel' as const } : {})}
          />
        ))}
        <ProblemSummary problem={problem} claimed={claimed} />
        <button type="submit" disabled={busy || chosen.length === 0}>
          Resubmit
        </button>
      </form>
      <p role="status">{done}</p>
    </section>
  );
}
