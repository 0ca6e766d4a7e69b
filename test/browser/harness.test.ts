/**
 * The harness's own checks can fail: the accessible-name check (test/browser/support/browser.ts)
 * finds a control a screen reader cannot name, and passes the same control once it is labelled.
 * No stack needed: the pages are set in the browser directly.
 */
import { newPerson, unnamedControls, useBrowser } from './support/browser';

const chrome = useBrowser();

test('a control without an accessible name is reported, a labelled one is not', async () => {
  const { context, page } = await newPerson(chrome.browser);
  try {
    await page.setContent('<main><input id="a"><select><option>x</option></select><button></button></main>');
    const unnamed = await unnamedControls(page);
    expect(unnamed).toHaveLength(3);
    expect(unnamed.join('\n')).toMatch(/textbox: <input id="a">/);

    await page.setContent(
      '<main><label for="a">Account number</label><input id="a">' +
        '<label>Reason <select><option>x</option></select></label>' +
        '<button>Approve<span hidden> order 1</span></button></main>',
    );
    expect(await unnamedControls(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
