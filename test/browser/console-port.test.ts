/**
 * The console's story of issue #13 in a real browser (Debian's Chromium driven by Playwright)
 * against the real e2e stack: a customer creates an order through the three screens, sees every
 * unmet requirement at once, uploads the documents and submits; support approves it from the
 * review queue (by keyboard); the carrier accepts; the customer sees the FOC date; the carrier
 * moves the FOC inside 72 h, where the customer is offered no cancellation and support cancels
 * with the quoted fee shown first. Along the way (issue #14 in the console): the documents
 * downloaded from the order, the comment thread (support's internal note unseen by the customer),
 * the review's deadline on the order, the port-date options with their fee, and only the actions
 * the API offers on each number. Each screen is a screenshot (test-artifacts/console/, and
 * docs/console/ for the README with PORTIN_DOCS_SCREENSHOTS=1); every screen is checked for
 * controls without an accessible name, and the sign-in, the orders and an order are shot at a
 * phone's width too.
 *
 * Selectors are what a person (or a screen reader) finds: roles and labels (console/README.md).
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { addDays, localDate } from '../../domain/calendar';
import { formatDate, formatMoney } from '../../console/src/lib/format';
import { api, PDF } from '../support/api-client';
import { answerWhenSubmitted, simulatorControl, waitForOrder } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';
import { newPerson, screenshot, signIn, unnamedControls, useBrowser } from './support/browser';

jest.setTimeout(300_000);

const stack = useStack({ autoAnswer: false, temporalUi: true });
const chrome = useBrowser();

const NUMBER = '+12125550148';
const ZONE = 'America/New_York';

/** Fails with the names of the controls a screen reader could not name (none expected). */
async function expectEveryControlNamed(page: Page, screen: string): Promise<void> {
  expect({ screen, unnamed: await unnamedControls(page) }).toEqual({ screen, unnamed: [] });
}

/** Waits until the locator's text matches, and returns it (Playwright's core has no auto-retrying expect). */
async function textOf(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent().catch(() => null)) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`text never matched ${pattern}; last: ${last.slice(0, 1000)}`);
}

/** A pattern matching `text` as written. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let orderId = '';
let focDate = '';
let customer: Page;
let support: Page;

beforeAll(async () => {
  customer = (await newPerson(chrome.browser)).page;
  support = (await newPerson(chrome.browser)).page;
});

test('a customer creates the order through the three screens, sees every unmet requirement, uploads the documents and submits', async () => {
  const page = customer;
  await signIn(page, stack.apiUrl, KEYS.customerKey);
  await screenshot(page, '01-orders-empty');
  await page.getByRole('link', { name: 'New order' }).click();

  // Screen 1, User details: a PO box as the street address, which submit refuses (seen at review).
  await page.getByRole('heading', { name: 'User details' }).waitFor();
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Street address').fill('P.O. Box 12');
  await page.getByLabel('City').fill('New York');
  await page.getByLabel('State').fill('NY');
  await page.getByLabel('ZIP code').fill('10118');
  await page.getByLabel('Notification email').fill('ada@example.test');
  await page.getByLabel('Your reference (optional)').fill('browser-story');
  await expectEveryControlNamed(page, 'user details');
  await screenshot(page, '02-new-order-user-details');
  await page.getByRole('button', { name: 'Continue to port-in details' }).click();

  // Screen 2, Port-in details: the number checked live, the account, then a business day as port date.
  await page.getByRole('heading', { name: 'Port-in details' }).waitFor();
  await page.getByLabel('Phone numbers to port').fill(NUMBER);
  await page.getByRole('button', { name: 'Check numbers' }).click();
  await textOf(page.getByRole('list', { name: 'Portability of the numbers' }), /portable/);
  await page.getByLabel('Account number').fill('987654321');
  await page.getByLabel('Port-out PIN').fill('4321');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const portDate = page.getByLabel('Preferred port date (optional)');
  await portDate.waitFor();
  await portDate.selectOption({ index: 1 }); // the first business day the API offers
  const requested = await portDate.inputValue();
  expect(requested).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expectEveryControlNamed(page, 'port-in details');
  await screenshot(page, '03-new-order-port-in-details');
  orderId = (await page.getByText(/^Draft pio_/).textContent())!
    .replace(/^Draft /, '')
    .trim()
    .split(/\s/)[0];
  expect(orderId).toMatch(/^pio_/);
  await page.getByRole('button', { name: 'Save and continue to documents' }).click();

  // Screen 3, Documents: none yet. Review first: every unmet requirement at once.
  await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByRole('heading', { name: 'Review and submit' }).waitFor();
  const verdict = await textOf(
    page.getByText(/requirements? not met yet|Every requirement is met/),
    /not met/,
  );
  const checklist = await page.getByRole('main').textContent();
  // The API's checklist (GET …/requirements), every item it names as unmet, shown at once.
  const requirements = await api(stack.apiUrl, KEYS.customerKey).get(
    `/v1/port-in-orders/${orderId}/requirements`,
  );
  const unmet = [
    ...requirements.body.order,
    ...requirements.body.numbers.flatMap((n: { requirements: unknown[] }) => n.requirements),
  ].filter((r: { status: string }) => r.status !== 'met') as { title: string }[];
  expect(unmet.length).toBeGreaterThanOrEqual(3); // the PO box, the LOA, the proof of ownership
  expect(verdict).toContain(`${unmet.length} requirement`);
  for (const r of unmet) expect(checklist).toContain(r.title);
  await expectEveryControlNamed(page, 'review with unmet requirements');
  await screenshot(page, '04-review-unmet-requirements');

  // Back to screen 1 for the address, through screen 2 again, to the documents.
  await page.getByRole('button', { name: 'Edit user details' }).click();
  await page.getByLabel('Street address').fill('350 Fifth Avenue');
  await page.getByRole('button', { name: 'Continue to port-in details' }).click();
  await page.getByRole('button', { name: 'Save and continue to documents' }).click();
  await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();

  // The LOA, signed by the authorized person, then a bill of yesterday (the order's zone).
  await page.getByLabel('Document type').selectOption('loa');
  await page
    .getByLabel('File (PDF, PNG or JPEG, up to 10 MB)')
    .setInputFiles({ name: 'loa.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Signed by').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Upload document' }).click();
  await page.getByText('Letter of authorization (LOA) uploaded').waitFor();
  await page.getByLabel('Document type').selectOption('bill');
  await page
    .getByLabel('File (PDF, PNG or JPEG, up to 10 MB)')
    .setInputFiles({ name: 'bill.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Bill date').fill(addDays(localDate(Date.now(), ZONE), -1));
  await page.getByRole('button', { name: 'Upload document' }).click();
  await page.getByText('Bill uploaded').waitFor();
  await expectEveryControlNamed(page, 'documents');
  await screenshot(page, '05-new-order-documents');

  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByText('Every requirement is met').waitFor();
  await screenshot(page, '06-review-ready');
  await page.getByRole('button', { name: 'Submit order' }).click();

  // The order's details page: submitted, in review.
  await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
  await textOf(page.getByRole('region', { name: `Order ${orderId}` }), /in_review/);
  const stored = await waitForOrder(stack, orderId, (o) => o.status === 'in_review');
  expect(stored.numbers.map((n) => n.phoneNumber)).toEqual([NUMBER]);
  await screenshot(page, '07-order-submitted');

  // The order's documents, each downloaded as stored (GET …/documents/{documentId}).
  const documents = page.getByRole('region', { name: 'Documents', exact: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    documents.getByRole('button', { name: /^Download Bill/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bill-.+\.pdf$/);
  expect(readFileSync((await download.path())!)).toEqual(PDF);

  // The comment thread opens with the submission; a customer writes no internal notes.
  const comments = page.getByRole('region', { name: 'Comments' });
  expect(await comments.getByRole('checkbox').count()).toBe(0);
  await comments.getByLabel('Your comment').fill('Please port before Friday.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await textOf(comments.getByRole('list', { name: 'Comment thread' }), /Please port before Friday\./);
});

test('support approves it from the review queue, by keyboard', async () => {
  expect(orderId).toMatch(/^pio_/); // the first test made it
  const page = support;
  await signIn(page, stack.apiUrl, KEYS.supportKey);

  // The order's page first: the review's deadline as time left (the API's `reviewDueAt`), the thread.
  await page.goto(`${stack.apiUrl}/console/#/orders/${orderId}`);
  await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
  await textOf(page.getByRole('region', { name: 'Staff' }), /Waiting for review: 2[34] h \d+ min left/);
  const thread = page.getByRole('region', { name: 'Comments' });
  await textOf(thread.getByRole('list', { name: 'Comment thread' }), /Please port before Friday\./);
  await thread.getByLabel('Your comment').fill('Noted: it goes to the carrier once approved.');
  await thread.getByRole('button', { name: 'Post comment' }).click();
  await textOf(thread.getByRole('status'), /Comment posted/);
  await thread.getByLabel('Your comment').fill('LOA signer verified by phone.');
  await thread.getByRole('checkbox', { name: /^Internal note/ }).check();
  await thread.getByRole('button', { name: 'Save internal note' }).click();
  await textOf(thread.getByRole('list', { name: 'Comment thread' }), /LOA signer verified by phone\.\s*$/);
  await expectEveryControlNamed(page, 'support order in review, comments');
  await screenshot(page, '16-support-order-comments');

  await page.getByRole('link', { name: 'Back to the review queue' }).click();
  const entry = page.getByRole('article', { name: `Order ${orderId}` });
  await entry.waitFor();
  // The API's deadline for the 24 h promise, shown as time left.
  const queue = await api(stack.apiUrl, KEYS.supportKey).get('/v1/review-queue');
  expect(queue.body.data.map((o: { id: string }) => o.id)).toEqual([orderId]);
  // The workflow's deadline: 24 h from its start, a moment after the submit.
  const promise = Date.parse(queue.body.data[0].reviewDueAt) - Date.parse(queue.body.data[0].submittedAt);
  expect(promise).toBeGreaterThanOrEqual(24 * 3_600_000);
  expect(promise).toBeLessThan(24 * 3_600_000 + 60_000);
  await textOf(entry, /2[34] h \d+ min left/);
  await expectEveryControlNamed(page, 'review queue');
  await screenshot(page, '08-support-review-queue');

  // Ops read the same queue, with nothing to press.
  const ops = await newPerson(chrome.browser);
  try {
    await signIn(ops.page, stack.apiUrl, KEYS.opsKey);
    await ops.page.getByRole('link', { name: 'Review queue' }).click();
    const seen = ops.page.getByRole('article', { name: `Order ${orderId}` });
    await seen.waitFor();
    expect(await seen.getByRole('button').count()).toBe(0);
  } finally {
    await ops.context.close();
  }

  // Keyboard only: Tab to the order's Approve button and press Enter.
  const approve = entry.getByRole('button', { name: `Approve order ${orderId}` });
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await approve.evaluate((el) => el === el.ownerDocument.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await textOf(entry.getByRole('status'), /Approved order/);
  await screenshot(page, '09-support-approved');
  await waitForOrder(stack, orderId, (o) => o.numbers[0]?.status === 'submitted_to_carrier');

  // The queue no longer lists it.
  await page.getByRole('button', { name: 'Refresh the queue' }).click();
  await page.getByText('No order is waiting for review').waitFor();
});

test('the carrier accepts, and the customer sees the FOC date', async () => {
  expect(orderId).toMatch(/^pio_/);
  await answerWhenSubmitted(stack, orderId);
  const accepted = await waitForOrder(stack, orderId, (o) => o.numbers[0]?.status === 'accepted');
  focDate = accepted.numbers[0].focDate!;
  expect(focDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const page = customer;
  await page.reload();
  const numbers = page.getByRole('region', { name: 'Numbers' });
  const row = numbers.getByRole('row', { name: literally(NUMBER) });
  await textOf(row, /accepted/);
  expect(await row.textContent()).toContain(formatDate(focDate));
  // Support's reply is in the thread, its internal note is not.
  const thread = await textOf(page.getByRole('list', { name: 'Comment thread' }), /goes to the carrier/);
  expect(thread).not.toContain('LOA signer verified');
  await expectEveryControlNamed(page, 'order details with FOC');
  await screenshot(page, '10-customer-foc-date');
});

test('inside 72 h the customer may not cancel; support cancels with the quoted fee shown first', async () => {
  expect(focDate).not.toBe('');
  // The carrier moves the FOC to tomorrow: activation (midnight, the order's zone) is under 48 h away.
  const tomorrow = addDays(localDate(Date.now(), ZONE), 1);
  await simulatorControl(stack, `/port-requests/${orderId}/move-foc`, { focDate: tomorrow });
  await waitForOrder(stack, orderId, (o) => o.numbers[0]?.focDate === tomorrow);

  // The customer: the API offers neither change on the number (its `actions`), so no button, and why.
  const view = await api(stack.apiUrl, KEYS.customerKey).get(`/v1/port-in-orders/${orderId}`);
  expect(view.body.numbers[0].actions).toEqual(['configure']);
  await customer.reload();
  await textOf(customer.getByRole('note'), /inside 72 hours of the port only support/);
  expect(await customer.getByRole('button', { name: 'Quote cancellation' }).count()).toBe(0);
  expect(await customer.getByRole('button', { name: 'Change port date' }).count()).toBe(0);
  await screenshot(customer, '11-customer-cancel-refused-inside-72h');

  // Support: the same order's page, its workflow in the Temporal UI, then the quote before the cancel.
  const page = support;
  await page.goto(`${stack.apiUrl}/console/#/orders/${orderId}`);
  await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
  const workflowLink = page.getByRole('link', { name: 'Open the workflow in the Temporal UI' });
  expect(await workflowLink.getAttribute('href')).toBe(
    `${stack.temporalUiUrl}/namespaces/default/workflows/port-in-order-${orderId}`,
  );
  // The port-date options, each with the fee the change would cost now (the API's quote).
  await page.getByRole('button', { name: 'Change port date' }).click();
  const dates = page.getByLabel('New port date (business days only)');
  await dates.waitFor();
  const options = await api(stack.apiUrl, KEYS.supportKey).get(
    `/v1/port-in-orders/${orderId}/port-date-options`,
  );
  const first = options.body.dates[0] as { date: string; feeCents: number };
  expect(first.feeCents).toBeGreaterThanOrEqual(9_800);
  expect(await dates.locator('option').first().textContent()).toBe(
    `${formatDate(first.date)} (fee ${formatMoney(first.feeCents)})`,
  );
  await page.getByRole('button', { name: 'Keep the current date' }).click();
  await page.getByRole('button', { name: 'Quote cancellation' }).click();
  const quote = page.getByRole('region', { name: 'Cancellation quote' });
  const expected = await api(stack.apiUrl, KEYS.supportKey).get(
    `/v1/port-in-orders/${orderId}/cancellation-quote`,
  );
  expect(expected.body.allowed).toBe(true);
  expect(expected.body.totalCents).toBeGreaterThanOrEqual(9_800); // $98 or $520: inside 48 h
  await textOf(quote, literally(`Total${formatMoney(expected.body.totalCents)}`));
  await expectEveryControlNamed(page, 'support order details with quote');
  await screenshot(page, '12-support-cancel-quote');
  // Nothing changed by quoting.
  expect((await waitForOrder(stack, orderId, () => true)).status).toBe('in_progress');

  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  const canceled = await waitForOrder(stack, orderId, (o) => o.status === 'canceled');
  expect(canceled.numbers[0].cancellation).toEqual({ by: 'support', feeCents: expected.body.totalCents });
  // The page shows what the API charged, on the number.
  const row = page.getByRole('region', { name: 'Numbers' }).getByRole('row', { name: /\+12125550148/ });
  await textOf(row, literally(`Canceled by support, fee ${formatMoney(expected.body.totalCents)}`));
  // And the answer itself stays in view once no number is left to cancel.
  await page.getByText(`Canceled. Fees charged: ${formatMoney(expected.body.totalCents)}.`).waitFor();
  await screenshot(page, '13-support-canceled');
});

test('at a phone’s width: sign-in, the orders list and the order, every control named', async () => {
  expect(orderId).toMatch(/^pio_/);
  const { context, page } = await newPerson(chrome.browser, 'phone');
  try {
    await page.goto(`${stack.apiUrl}/console/`);
    await page.getByLabel('API key').waitFor();
    await expectEveryControlNamed(page, 'sign-in (phone)');
    await screenshot(page, '00-phone-sign-in');
    await signIn(page, stack.apiUrl, KEYS.customerKey);
    await page.getByRole('link', { name: 'browser-story' }).waitFor();
    await expectEveryControlNamed(page, 'orders list (phone)');
    await screenshot(page, '14-phone-orders');
    await page.getByRole('link', { name: 'browser-story' }).click();
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    // Nothing wider than the screen: no sideways scrolling of the page.
    const overflow = await page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '15-phone-order-details');
  } finally {
    await context.close();
  }
});
