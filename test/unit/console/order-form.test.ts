import {
  createBody,
  EMPTY_FORM,
  formFromOrder,
  patchBody,
} from '../../../console/src/pages/customer/order-form';

const filled = {
  ...EMPTY_FORM,
  firstName: ' Ada ',
  lastName: 'Lovelace',
  line1: '1 Main St',
  city: 'New York',
  region: 'NY',
  postalCode: '10001',
  notificationEmail: 'ada@example.com',
  numbers: '+12125550147\n+12125550148',
  accountNumber: '12345',
};

test('the create body carries what was typed, blanks left out for the API to name', () => {
  expect(createBody(filled)).toEqual({
    country: 'US',
    phoneNumbers: ['+12125550147', '+12125550148'],
    authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
    serviceAddress: {
      line1: '1 Main St',
      city: 'New York',
      region: 'NY',
      postalCode: '10001',
      country: 'US',
    },
    losingCarrier: { accountNumber: '12345' },
    notificationEmail: 'ada@example.com',
  });
});

test('a draft edit never sends the masked secrets back, and keeps the country out', () => {
  const form = formFromOrder({
    country: 'US',
    authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
    serviceAddress: { line1: '1 Main St', city: 'New York', region: 'NY', postalCode: '10001' },
    losingCarrier: { btn: '+12125550100' },
    notificationEmail: 'ada@example.com',
    phoneNumbers: ['+12125550147'],
    requestedPortDate: '2026-12-28',
  });
  expect(form.accountNumber).toBe('');
  const body = patchBody(form);
  expect(body).not.toHaveProperty('country');
  expect(body.losingCarrier).toEqual({ btn: '+12125550100' });
  expect(body).toMatchObject({ requestedPortDate: '2026-12-28', phoneNumbers: ['+12125550147'] });
});
