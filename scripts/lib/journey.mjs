// A citizen's way through the app with puppeteer-core, to prepare what a page needs
// before Lighthouse measures it (a draft, a sent application). The same answers as the
// found by their labels.

const WAIT_MS = 30_000;

export const SERVICE = 'bewohnerparkausweis';

const normalise = (s) => s.replace(/\s+/g, ' ').trim();

/** Waits for the h1 to read `text` (a string, or a RegExp it must match). */
export async function waitForHeading(page, text) {
  const wanted = text instanceof RegExp ? { source: text.source, flags: text.flags } : { exact: text };
  await page
    .waitForFunction(
      (wanted) => {
        const h1 = document.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim();
        if (h1 === undefined) return false;
        return wanted.exact !== undefined ? h1 === wanted.exact : new RegExp(wanted.source, wanted.flags).test(h1);
      },
      { timeout: WAIT_MS },
      wanted,
    )
    .catch(async () => {
      const h1 = await page.evaluate(() => document.querySelector('h1')?.textContent);
      throw new Error(`expected the heading ${String(text)} at ${page.url()}, found ${JSON.stringify(h1)}`);
    });
}

/** The page shows `heading` as its h1 and, if given, `text` somewhere. */
export async function expectPage(page, heading, text) {
  await waitForHeading(page, heading);
  if (!text) return;
  await page
    .waitForFunction((text) => document.body.innerText.includes(text), { timeout: WAIT_MS }, text)
    .catch(() => {
      throw new Error(`"${text}" is not on the page "${heading}" at ${page.url()}`);
    });
}

/** The form control whose label reads `label` (whitespace ignored). */
async function control(page, label) {
  const handle = await page.evaluateHandle((label) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const found = [...document.querySelectorAll('label')].find((l) => norm(l.textContent) === label);
    return found ? found.control : null;
  }, normalise(label));
  const element = handle.asElement();
  if (!element) throw new Error(`no form control labelled "${label}" at ${page.url()}`);
  return element;
}

async function fill(page, label, value) {
  const input = await control(page, label);
  await input.click({ count: 3 });
  await input.type(value);
}

async function check(page, label) {
  await (await control(page, label)).click();
}

export async function clickButton(page, text) {
  const handle = await page.evaluateHandle(
    (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.replace(/\s+/g, ' ').trim() === text) || null,
    text,
  );
  const button = handle.asElement();
  if (!button) throw new Error(`no button "${text}" at ${page.url()}`);
  await button.click();
}

async function continueTo(page, heading) {
  await clickButton(page, 'Weiter');
  await waitForHeading(page, heading);
}

/** A Bewohnerparkausweis (30,00 €, no login: the Führungszeugnis needs the online ID,
 * and the identity provider's pages are not the app's), every question answered: on
 * the check page. */
export async function answerEverything(page, base) {
  await page.goto(`${base}/services/${SERVICE}`);
  await waitForHeading(page, 'Bewohnerparkausweis beantragen');
  await clickButton(page, 'Jetzt beginnen');
  await waitForHeading(page, 'In welcher Bewohnerparkzone wohnen Sie?');
  const zone = await control(page, 'In welcher Bewohnerparkzone wohnen Sie?');
  await zone.select('a');
  await continueTo(page, 'Ihre Anschrift in der Zone');
  await fill(page, 'Straße und Hausnummer', 'Markt 1');
  await fill(page, 'Postleitzahl', '44135');
  await fill(page, 'Ort', 'Dortmund');
  await continueTo(page, 'Fahrzeug');
  await fill(page, 'Kennzeichen', 'DO-AB 123');
  await check(page, 'Auf mich');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
}

/** From the check page: the declaration, send; returns the case number. */
export async function send(page, base) {
  await page.goto(`${base}/services/${SERVICE}/check`);
  await waitForHeading(page, 'Prüfen Sie Ihre Angaben');
  await check(page, 'Ich versichere, dass meine Angaben richtig und vollständig sind.');
  await clickButton(page, 'Antrag abschicken');
  // The confirmation leads with what is to do: pay the fee, if there is one.
  await waitForHeading(page, /^(Antrag gesendet|Zahlung ausstehend)$/);
  return page.$eval('[data-testid="case-number"]', (e) => e.textContent.trim());
}
