import { href, matchRoute, parseHash } from '../../../console/src/lib/route';
import { splitPastedNumbers } from '../../../console/src/lib/numbers';

test('hash routes: path, parameters and query', () => {
  const loc = parseHash('#/orders/pio_1?status=in_review');
  expect(loc.path).toBe('/orders/pio_1');
  expect(loc.query.get('status')).toBe('in_review');
  expect(parseHash('').path).toBe('/');
  expect(matchRoute('/orders/:id', loc.path)).toEqual({ id: 'pio_1' });
  expect(matchRoute('/orders/:id/configure', loc.path)).toBeUndefined();
  expect(matchRoute('/orders/:id', '/orders/%E0%A4%A')).toBeUndefined();
});

test('links are built with their parameters encoded and empty filters left out', () => {
  expect(href('/orders/:id', { id: 'a/b' })).toBe('#/orders/a%2Fb');
  expect(href('/orders', {}, { status: 'draft', phoneNumber: '' })).toBe('#/orders?status=draft');
});

test('pasted numbers are split on lines, commas, semicolons and tabs, nothing else decided', () => {
  expect(splitPastedNumbers('+1 212 555 0147\n+12125550148, 2125550149;\t\n')).toEqual([
    '+1 212 555 0147',
    '+12125550148',
    '2125550149',
  ]);
});
