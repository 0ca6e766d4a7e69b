/**
 * The mail inbox a person reads in a browser: a message sent over real SMTP (nodemailer) to the
 * catcher on free ports is listed on the HTML inbox page and rendered on its own page, hostile
 * content stays inert, and a restart on the same folder rebuilds the inbox from the stored files.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { createMailer } from '../../../notifications/mailer';
import { BODY_CSP, PAGE_CSP } from '../../../notifications/catcher-pages';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '../../../notifications/smtp-catcher';

/** What a browser sends when it opens a page. */
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

const HOSTILE_SUBJECT = 'Order <script>alert(1)</script> & "friends"';

describe('the catcher inbox in a browser', () => {
  let dir: string;
  let catcher: SmtpCatcher | undefined;

  const base = () => `http://127.0.0.1:${catcher!.httpPort}`;
  const page = async (url: string) => {
    const res = await fetch(`${base()}${url}`, { headers: BROWSER });
    return { res, html: await res.text() };
  };
  /** Over SMTP to the catcher now running (a restart picks a new free port). */
  const send = async (subject: string, extra: Record<string, unknown> = {}) => {
    const transport = createTransport({ host: '127.0.0.1', port: catcher!.smtpPort, secure: false });
    try {
      await transport.sendMail({
        from: 'Porting <porting@example.test>',
        to: 'owner@customer.example',
        subject,
        headers: { 'X-Port-In-Order-Id': 'pio_page1', 'X-Port-In-Time-Zone': 'America/New_York' },
        ...extra,
      });
    } finally {
      transport.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'catcher-page-'));
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir });
  });

  afterAll(async () => {
    await catcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists, renders and keeps a message across a restart; hostile content stays text', async () => {
    await send('Port-in order pio_page1: port date set', {
      text: 'Your numbers port on Tuesday.',
      html: '<p>Your numbers port on <b>Tuesday</b>.</p><script>parent.document.title = "owned"</script>',
    });
    await send(HOSTILE_SUBJECT, { text: 'Body with <img src=x onerror=alert(2)> in text' });
    const [first, second] = catcher!.messages();

    // The list: newest first, with time (order's zone, named), recipient, subject and order id.
    const inbox = await page('/messages');
    expect(inbox.res.status).toBe(200);
    expect(inbox.res.headers.get('content-type')).toContain('text/html');
    expect(inbox.res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(inbox.html).toContain('owner@customer.example');
    expect(inbox.html).toContain('pio_page1');
    expect(inbox.html).toMatch(/\(America\/New_York\)/);
    expect(inbox.html.indexOf(`/messages/${second.id}"`)).toBeLessThan(
      inbox.html.indexOf(`/messages/${first.id}"`),
    );
    expect(inbox.html).toContain('Port-in order pio_page1: port date set');
    // Escaped, never markup: no script element and no attribute comes from a message.
    expect(inbox.html).not.toContain('<script');
    expect(inbox.html).toContain('Order &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect((await page('/')).html).toContain(`/messages/${first.id}`);

    // The message page: headers and the HTML part in a sandboxed frame; a raw .eml link, not a download.
    const shown = await page(`/messages/${first.id}`);
    expect(shown.res.status).toBe(200);
    expect(shown.res.headers.get('content-type')).toContain('text/html');
    expect(shown.res.headers.get('content-disposition')).toBeNull();
    expect(shown.html).toContain('<h1>Port-in order pio_page1: port date set</h1>');
    expect(shown.html).toContain('Your numbers port on Tuesday.');
    expect(shown.html).toMatch(
      new RegExp(`<iframe class="body" sandbox [^>]*src="/messages/${first.id}/body.html"`),
    );
    expect(shown.html).toContain(`href="/messages/${first.id}/raw.eml"`);
    expect(shown.html).not.toContain('<script');
    const body = await fetch(`${base()}/messages/${first.id}/body.html`);
    expect(body.headers.get('content-security-policy')).toBe(BODY_CSP);
    expect(await body.text()).toContain('<b>Tuesday</b>');
    const raw = await fetch(`${base()}/messages/${first.id}/raw.eml`);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    expect(await raw.text()).toContain('Subject: Port-in order pio_page1: port date set');

    // A text-only message is shown escaped.
    const hostile = await page(`/messages/${second.id}`);
    expect(hostile.html).not.toContain('<script');
    expect(hostile.html).not.toContain('<img');
    expect(hostile.html).toContain('Body with &lt;img src=x onerror=alert(2)&gt; in text');
    expect((await page('/messages/nope')).res.status).toBe(404);

    // Restart on the same folder: the inbox is rebuilt from the .eml files, ids and all.
    const before = catcher!.messages();
    await catcher!.close();
    catcher = undefined;
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir });
    expect(catcher.messages()).toEqual(before);
    const again = await page('/messages');
    expect(again.html).toContain('Port-in order pio_page1: port date set');
    expect(again.html).toContain(`/messages/${second.id}"`);
    expect((await page(`/messages/${first.id}`)).html).toContain('Your numbers port on Tuesday.');
    // The JSON API the tests and scripts use is unchanged: a list, oldest first.
    const json = (await (await fetch(`${base()}/messages`)).json()) as CaughtMessage[];
    expect(json.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(json[0].to).toEqual(['owner@customer.example']);
  });

  it('keeps Bcc recipients (the envelope) across a restart', async () => {
    await fetch(`${base()}/messages`, { method: 'DELETE' });
    await send('with bcc', { text: 'hi', bcc: 'audit@example.test' });
    const [caught] = catcher!.messages();
    expect(caught.to).toEqual(['owner@customer.example', 'audit@example.test']);
    await catcher!.close();
    catcher = undefined;
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir });
    expect(catcher.messages()).toEqual([caught]);
    expect(await readdir(dir)).toEqual([path.basename(caught.file)]);
  });

  it('shows a mailer email in the order zone it names', async () => {
    await fetch(`${base()}/messages`, { method: 'DELETE' });
    const mailer = createMailer({ host: '127.0.0.1', port: catcher!.smtpPort, from: 'porting@example.test' });
    try {
      await mailer.send({
        kind: 'submission_received',
        idempotencyKey: 'pio_zone:submission_received',
        orderId: 'pio_zone',
        to: 'owner@customer.example',
        timeZone: 'Australia/Sydney',
        phoneNumbers: ['+61255550100'],
      });
    } finally {
      mailer.close();
    }
    const { html } = await page('/messages');
    expect(html).toContain('pio_zone');
    expect(html).toMatch(/\d{2}:\d{2} [A-Z0-9+]+ \(Australia\/Sydney\)/);
  });
});
