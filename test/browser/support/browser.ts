/**
 * The browser tests' harness: Debian's Chromium (scripts/servers/chromium.sh installs it) driven by
 * Playwright (playwright-core: no browser download of its own), against the real e2e stack
 * (test/support/stack.ts), whose API serves the console at /console/ (built here when stale).
 *
 * Screenshots go to test-artifacts/console/<name>.png (git-ignored; CI keeps them as artifacts).
 * With PORTIN_DOCS_SCREENSHOTS=1 they are also copied to docs/console/, the pictures the README
 * shows: refreshed on purpose, not by every test run.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildConsole } from '../../../scripts/build-console';
import { perTestFile } from '../../support/per-file';

const ROOT = path.join(__dirname, '..', '..', '..');
export const ARTIFACT_DIR = path.join(ROOT, 'test-artifacts', 'console');
export const DOCS_DIR = path.join(ROOT, 'docs', 'console');
export const CHROMIUM_PATH = process.env.PORTIN_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What Chromium needs on a closed network: no sandbox (tests run as root), no GPU, and none of its
 * background connections (updates, sync, QUIC probes), which this machine refuses one by one.
 * Playwright adds --headless and a fresh --user-data-dir of its own per launch.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Laptop and phone widths the README's screenshots use. */
export const VIEWPORTS = {
  laptop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/** One Chromium for the whole test file, closed after it. */
export function useBrowser(): { browser: Browser } {
  return perTestFile(
    'Chromium',
    async () => {
      if (!existsSync(CHROMIUM_PATH))
        throw new Error(
          `${CHROMIUM_PATH} is missing: run bash scripts/servers/chromium.sh (npm test does), or set PORTIN_CHROMIUM_PATH`,
        );
      buildConsole(); // cached: only when console/dist is older than its sources
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      return { browser };
    },
    ({ browser }) => browser.close(),
    { startMs: 120_000, stopMs: 30_000 },
  );
}

/** A fresh browser context (its own sessionStorage: one person signed in) at the given width. */
export async function newPerson(
  browser: Browser,
  viewport: keyof typeof VIEWPORTS = 'laptop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'en-US' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // A page error is a bug of the console: fail the test that caused it, with the message.
  page.on('pageerror', (err) => {
    throw new Error(`console page error: ${err.message}`);
  });
  return { context, page };
}

/** Signs in at /console/ with an API key, as a person would (the key is typed, then Enter). */
export async function signIn(page: Page, apiUrl: string, apiKey: string): Promise<void> {
  await page.goto(`${apiUrl}/console/`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByLabel('API key').press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * A full-page screenshot as a test artifact (and, with PORTIN_DOCS_SCREENSHOTS=1, for the README).
 * Returns the artifact's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  const file = path.join(ARTIFACT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  if (process.env.PORTIN_DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS_DIR, { recursive: true });
    copyFileSync(file, path.join(DOCS_DIR, `${name}.png`));
  }
  return file;
}

/** Roles of controls a person operates: each must have an accessible name. */
const OPERABLE_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'textbox',
]);

interface AxNode {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

/**
 * Every operable control of the page as the browser's accessibility tree exposes it (what a screen
 * reader gets), with its computed name: from the Chrome DevTools Protocol, not from our own guess.
 */
export async function operableControls(page: Page): Promise<{ role: string; name: string; html: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const controls = nodes.filter((n) => !n.ignored && OPERABLE_ROLES.has(n.role?.value ?? ''));
    return await Promise.all(
      controls.map(async (n) => {
        let html = '';
        if (n.backendDOMNodeId !== undefined) {
          const { outerHTML } = (await cdp
            .send('DOM.getOuterHTML', { backendNodeId: n.backendDOMNodeId })
            .catch(() => ({ outerHTML: '' }))) as { outerHTML: string };
          html = outerHTML.slice(0, 200);
        }
        return { role: n.role!.value!, name: (n.name?.value ?? '').trim(), html };
      }),
    );
  } finally {
    await cdp.detach();
  }
}

/** The controls without an accessible name (should be none), each with its markup to find it. */
export async function unnamedControls(page: Page): Promise<string[]> {
  return (await operableControls(page)).filter((c) => !c.name).map((c) => `${c.role}: ${c.html}`);
}
