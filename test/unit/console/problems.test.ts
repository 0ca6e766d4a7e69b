import {
  fieldMatches,
  messagesFor,
  problemSummary,
  toProblem,
  unclaimed,
} from '../../../console/src/lib/problems';

const body = {
  type: 'about:blank',
  title: 'The order cannot be submitted',
  status: 422,
  code: 'validation_failed',
  errors: [
    { code: 'po_box_not_allowed', field: 'serviceAddress.line1', message: 'No PO boxes.' },
    { code: 'invalid_postal_code', field: 'serviceAddress.postalCode', message: 'Not a ZIP code.' },
    { code: 'loa_missing', field: 'numbers[0]', message: 'No LOA covers +12125550147.' },
    { code: 'plan_not_eligible', message: 'Trial accounts cannot port.' },
  ],
};

test('a problem+json body is read with every error', () => {
  const p = toProblem(422, body);
  expect(p).toMatchObject({ status: 422, code: 'validation_failed', title: body.title });
  expect(p.errors).toHaveLength(4);
  expect(problemSummary(p)).toBe(body.title);
});

test('anything else still becomes a problem (a proxy’s HTML page, a network failure)', () => {
  expect(toProblem(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'http_502', errors: [] });
  expect(toProblem(0, 'network error: TypeError')).toMatchObject({ code: 'network_error' });
  expect(toProblem(500, null).title).toBe('HTTP 500');
});

test('each field shows the problems at its path and below, the order’s numbers are the request’s phoneNumbers', () => {
  const { errors } = toProblem(422, body);
  expect(messagesFor(errors, 'serviceAddress.line1')).toEqual(['No PO boxes.']);
  expect(messagesFor(errors, 'serviceAddress')).toEqual(['No PO boxes.', 'Not a ZIP code.']);
  expect(messagesFor(errors, 'phoneNumbers')).toEqual(['No LOA covers +12125550147.']);
  expect(fieldMatches('serviceAddress.line10', 'serviceAddress.line1')).toBe(false);
});

test('what no field claims is left for the summary, so no problem is hidden', () => {
  const { errors } = toProblem(422, body);
  expect(unclaimed(errors, ['serviceAddress', 'phoneNumbers']).map((e) => e.code)).toEqual([
    'plan_not_eligible',
  ]);
});
