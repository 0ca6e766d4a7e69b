/**
 * Configure numbers: how the order's numbers are set up at activation (capabilities, alias,
 * subaccount, CNAM, application), `PUT …/configuration`. The API judges every value and names the
 * field it refuses; it refuses once a number is activated.
 */
import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../../api';
import { bindFields, SelectField, TextField } from '../../components/Field';
import { ProblemSummary } from '../../components/Problems';
import type { Problem } from '../../lib/problems';
import { href } from '../../lib/route';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import type { PageProps } from '../../registry';

const FIELDS = [
  'capabilities',
  'alias',
  'subaccountId',
  'cnam',
  'application.type',
  'application.id',
] as const;

const CAPABILITIES = [
  { value: 'voice', label: 'Voice' },
  { value: 'voice+sms', label: 'Voice and SMS' },
];
const APPLICATION_TYPES = [
  { value: '', label: 'None' },
  { value: 'xml_app', label: 'XML application' },
  { value: 'phlo', label: 'PHLO' },
];

/** The API names configuration fields with or without their `configuration.` prefix. */
const unprefixed = (p: Problem | null) =>
  p?.errors.map((e) => ({ ...e, field: e.field?.replace(/^configuration\./, '') })) ?? [];

export function ConfigureNumbers({ api, params }: PageProps) {
  const order = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}', { params: { path: { id: params.id } } })),
    [params.id],
  );
  const [form, setForm] = useState({
    capabilities: 'voice+sms',
    alias: '',
    subaccountId: '',
    cnam: '',
    appType: '',
    appId: '',
  });
  const action = useAction();
  const { problem, busy } = action;
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    const c = order.data?.configuration;
    if (!c) return;
    setForm({
      capabilities: c.capabilities,
      alias: c.alias ?? '',
      subaccountId: c.subaccountId ?? '',
      cnam: c.cnam ?? '',
      appType: c.application?.type ?? '',
      appId: c.application?.id ?? '',
    });
  }, [order.data]);
  const save = (e: Event) => {
    e.preventDefault();
    setSaved(null);
    return action.run(async () => {
      await unwrap(
        api.client.PUT('/v1/port-in-orders/{id}/configuration', {
          params: { path: { id: params.id } },
          body: {
            capabilities: form.capabilities as 'voice' | 'voice+sms',
            ...(form.alias.trim() ? { alias: form.alias.trim() } : {}),
            ...(form.subaccountId.trim() ? { subaccountId: form.subaccountId.trim() } : {}),
            ...(form.cnam.trim() ? { cnam: form.cnam.trim() } : {}),
            ...(form.appType
              ? { application: { type: form.appType as 'xml_app' | 'phlo', id: form.appId.trim() } }
              : {}),
          },
        }),
      );
      setSaved('Configuration saved: it is applied when the numbers are activated.');
    });
  };
  if (order.problem) return <ProblemSummary problem={order.problem} />;
  if (!order.data) return <p role="status">Loading the order…</p>;
  const field = bindFields(form, setForm, unprefixed(problem));
  return (
    <>
      <p>
        Order <a href={href('/orders/:id', { id: params.id })}>{params.id}</a>:{' '}
        {order.data.phoneNumbers.join(', ')}
      </p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <SelectField label="Capabilities" options={CAPABILITIES} {...field('capabilities')} />
        <TextField label="Alias" {...field('alias')} />
        <TextField label="Subaccount" {...field('subaccountId')} />
        <TextField
          label="Caller ID name (CNAM)"
          maxLength={15}
          hint="Up to 15 letters, digits, spaces and . , ' - & !"
          {...field('cnam')}
        />
        <SelectField
          label="Application type"
          options={APPLICATION_TYPES}
          {...field('appType', 'application.type')}
        />
        <TextField label="Application ID" disabled={!form.appType} {...field('appId', 'application.id')} />
        <ProblemSummary problem={problem} claimed={[...FIELDS]} />
        <button type="submit" disabled={busy}>
          Save configuration
        </button>
      </form>
      <p role="status">{saved}</p>
    </>
  );
}
