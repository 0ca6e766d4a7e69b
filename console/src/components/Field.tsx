/**
 * A labelled form control with its problems underneath: `<label for>`, `aria-invalid` and
 * `aria-describedby` pointing at the hint and at the error text, which sits in an `aria-live` region
 * so a screen reader hears the API's answer. `name` is the API's field path (`serviceAddress.city`):
 * the problems shown are those the API named for it (lib/problems.ts).
 */
import type { ComponentChildren } from 'preact';
import { messagesFor, normalizeField, type FieldProblem } from '../lib/problems';

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string;
}

export function Field(props: {
  name: string;
  label: string;
  problems?: readonly FieldProblem[];
  hint?: ComponentChildren;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const id = fieldId(props.name);
  const messages = messagesFor(props.problems ?? [], props.name);
  const described = [props.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={messages.length ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children({ id, 'aria-invalid': messages.length > 0, 'aria-describedby': described })}
      <div class="field-error" id={`${id}-error`} aria-live="polite">
        {messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </div>
  );
}

/** The input attributes the console's forms use. */
interface InputAttrs {
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  placeholder?: string;
  maxLength?: number;
  disabled?: boolean;
  required?: boolean;
}

export function TextField(
  props: {
    name: string;
    label: string;
    value: string;
    onValue: (value: string) => void;
    problems?: readonly FieldProblem[];
    hint?: ComponentChildren;
  } & InputAttrs,
) {
  const { name, label, value, onValue, problems, hint, ...rest } = props;
  return (
    <Field name={name} label={label} problems={problems} hint={hint}>
      {(control) => (
        <input
          type="text"
          {...rest}
          {...control}
          name={name}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  problems?: readonly FieldProblem[];
  hint?: ComponentChildren;
  disabled?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} problems={props.problems} hint={props.hint}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onValue(e.currentTarget.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField(props: {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  problems?: readonly FieldProblem[];
  hint?: ComponentChildren;
  rows?: number;
  onBlur?: () => void;
}) {
  return (
    <Field name={props.name} label={props.label} problems={props.problems} hint={props.hint}>
      {(control) => (
        <textarea
          {...control}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          onBlur={props.onBlur}
        />
      )}
    </Field>
  );
}

/** The problems the API names for a group of controls as a whole (`authorizedPerson`), in a live region. */
export function GroupProblems(props: { name: string; problems?: readonly FieldProblem[] }) {
  const messages = (props.problems ?? [])
    .filter((p) => p.field !== undefined && normalizeField(p.field) === normalizeField(props.name))
    .map((p) => p.message);
  return (
    <div class="field-error" id={`${fieldId(props.name)}-error`} aria-live="polite">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

/**
 * A form's text fields bound to its state and to the API's problems, so each field names its key
 * once: `<TextField label="Alias" {...field('alias')} />`, or with the API's path for the field when
 * it differs from the key, `field('appId', 'application.id')`.
 */
export function bindFields<K extends string>(
  values: Record<K, string>,
  onChange: (next: Record<K, string>) => void,
  problems: readonly FieldProblem[],
) {
  return (key: K, name: string = key) => ({
    name,
    value: values[key],
    onValue: (value: string) => onChange({ ...values, [key]: value }),
    problems,
  });
}
