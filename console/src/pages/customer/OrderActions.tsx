/**
 * The actions on a submitted order, each offered on the numbers whose `actions` (the API's answer
 * for the caller's role, now) name it. Each asks the API first and shows its answer before acting:
 * cancellation and port-date change show the quote (fee per number, total, window) and wait for a
 * confirmation; the console computes no fee and judges no window itself.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  unwrap,
  type Api,
  type ChangeQuote,
  type NumberAction,
  type Order,
  type PortDateOptions,
} from '../../api';
import { bindFields, SelectField, TextField } from '../../components/Field';
import { CalendarDate, ColumnHeads, Money } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { formatDate, formatMoney, WINDOW_WORDS } from '../../lib/format';
import { useAction } from '../../lib/use-action';

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
        <ColumnHeads names={['Number', 'Window', 'Fee']} />
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

/** The numbers of the order on which the API offers `action` to the caller now (their `actions`). */
export const numbersOffering = (order: Order, action: NumberAction): string[] =>
  order.numbers.filter((n) => n.actions.includes(action)).map((n) => n.phoneNumber);

/**
 * The quote → confirm flow of a change: ask the API what it would cost (`ask`, its quote), show it,
 * and make the change (`confirm`) only once the person confirms; the API's problem, or its answer in
 * words (`said`), stays in view.
 */
function useQuotedAction<Q, R>(flow: {
  ask: () => Promise<Q>;
  confirm: () => Promise<R>;
  said: (result: R) => string;
  onDone: () => void;
}) {
  const [quote, setQuote] = useState<Q | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { run, problem, busy } = useAction();
  return {
    quote,
    problem,
    done,
    busy,
    ask: () =>
      run(async () => {
        setDone(null);
        setQuote(await flow.ask());
      }),
    confirm: () =>
      run(async () => {
        const result = await flow.confirm();
        setQuote(null);
        setDone(flow.said(result));
        flow.onDone();
      }),
    dismiss: () => setQuote(null),
  };
}

export function CancelOrder({ order, api, onDone }: ActionProps) {
  // The numbers the API offers to cancel: it decides, the console only lets the person choose among them.
  const open = numbersOffering(order, 'cancel');
  const [chosen, setChosen] = useState<string[]>(open);
  // Every cancellable number is chosen at first (and again once the order has changed).
  useEffect(() => setChosen(numbersOffering(order, 'cancel')), [order]);
  const subset = chosen.length && chosen.length < open.length ? chosen : undefined;
  const action = useQuotedAction({
    ask: () =>
      unwrap(
        api.client.GET('/v1/port-in-orders/{id}/cancellation-quote', {
          params: { path: { id: order.id }, query: subset ? { phoneNumbers: subset.join(',') } : {} },
        }),
      ),
    confirm: () =>
      unwrap(
        api.client.POST('/v1/port-in-orders/{id}/cancel', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: subset ? { phoneNumbers: subset } : {},
        }),
      ),
    said: (result) => `Canceled. Fees charged: ${formatMoney(result.totalCents)}.`,
    onDone,
  });
  const { quote } = action;
  // Once nothing is left to cancel the form goes, but the answer (the fees charged) stays in view.
  if (open.length === 0) return action.done ? <p role="status">{action.done}</p> : null;
  return (
    <section aria-labelledby="cancel-h" class="action">
      <h2 id="cancel-h">Cancel</h2>
      <NumberChoice
        legend="Numbers to cancel"
        numbers={open}
        chosen={chosen}
        onChange={(c) => {
          setChosen(c);
          action.dismiss();
        }}
      />
      {!quote ? (
        <button type="button" onClick={() => void action.ask()} disabled={action.busy || chosen.length === 0}>
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
              onClick={() => void action.confirm()}
              disabled={action.busy || !quote.allowed}
            >
              Confirm cancellation
            </button>
            <button type="button" onClick={action.dismiss}>
              Keep the order
            </button>
          </div>
        </div>
      )}
      <ProblemSummary problem={action.problem} />
      <p role="status">{action.done}</p>
    </section>
  );
}

/** A date the API offers, with the fee the change to it costs now when the API quotes one. */
const dateLabel = (d: PortDateOptions['dates'][number]) =>
  d.feeCents !== undefined ? `${formatDate(d.date)} (fee ${formatMoney(d.feeCents)})` : formatDate(d.date);

export function ChangePortDate({ order, api, onDone }: ActionProps) {
  const [date, setDate] = useState('');
  const action = useQuotedAction({
    ask: async () => {
      const options = await unwrap(
        api.client.GET('/v1/port-in-orders/{id}/port-date-options', { params: { path: { id: order.id } } }),
      );
      setDate(options.dates[0]?.date ?? '');
      return options;
    },
    confirm: () =>
      unwrap(
        api.client.POST('/v1/port-in-orders/{id}/port-date', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: { portDate: date },
        }),
      ),
    said: (result) =>
      `Port date changed: FOC ${formatDate(result.focDate)}, fees ${formatMoney(result.totalCents)}.`,
    onDone,
  });
  const options = action.quote;
  if (numbersOffering(order, 'change_port_date').length === 0)
    return action.done ? <p role="status">{action.done}</p> : null;
  const fee = options?.dates.find((d) => d.date === date)?.feeCents;
  return (
    <section aria-labelledby="port-date-h" class="action">
      <h2 id="port-date-h">Port date</h2>
      {!options ? (
        <button type="button" onClick={() => void action.ask()} disabled={action.busy}>
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
            options={options.dates.map((d) => ({ value: d.date, label: dateLabel(d) }))}
            problems={action.problem?.errors}
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
              onClick={() => void action.confirm()}
              disabled={action.busy || !date || (options.quote ? !options.quote.allowed : false)}
            >
              Confirm port-date change
            </button>
            <button type="button" onClick={action.dismiss}>
              Keep the current date
            </button>
          </div>
        </div>
      )}
      <ProblemSummary problem={action.problem} claimed={['portDate']} />
      <p role="status">{action.done}</p>
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
  // The numbers the API offers to resubmit (rejected inside the window, or held after a carrier refusal).
  const rejected = numbersOffering(order, 'resubmit');
  const [chosen, setChosen] = useState<string[]>(rejected);
  useEffect(() => setChosen(numbersOffering(order, 'resubmit')), [order]);
  const [c, setC] = useState({
    accountNumber: '',
    pin: '',
    btn: '',
    firstName: '',
    lastName: '',
    businessName: '',
  });
  const [done, setDone] = useState<string | null>(null);
  const { run, problem, busy } = useAction();
  const field = bindFields(c, setC, problem?.errors ?? []);
  const submit = (e: Event) => {
    e.preventDefault();
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
    return run(async () => {
      const result = await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/resubmit', {
          params: { path: { id: order.id }, header: idempotencyKey() },
          body: { ...(chosen.length < rejected.length ? { phoneNumbers: chosen } : {}), corrections },
        }),
      );
      setDone(`Resubmitted ${result.phoneNumbers.join(', ')} (carrier submission ${result.attempt}).`);
      onDone();
    });
  };
  const claimed = CORRECTIONS.map((f) => f.name);
  if (rejected.length === 0) return done ? <p role="status">{done}</p> : null;
  return (
    <section aria-labelledby="resubmit-h" class="action">
      <h2 id="resubmit-h">Resubmit after the rejection</h2>
      <p>Correct what the rejection names (leave a field empty to keep it), then resubmit.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <NumberChoice legend="Numbers to resubmit" numbers={rejected} chosen={chosen} onChange={setChosen} />
        {CORRECTIONS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            {...field(f.key, f.name)}
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
