import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fails the test on any WCAG 2.1 A/AA violation axe-core finds on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/** The page's h1, once it is there; the page is checked by axe before it is returned. */
export async function arriveAt(page: Page, heading: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(heading);
  await expectAccessible(page);
  return h1;
}

/** A service's start page by its link (checked by axe), which states `fee` when one is
 * given, and the wizard begun from it. */
export async function openService(page: Page, id: string, heading: string | RegExp, fee?: string | RegExp) {
  await page.goto(`/services/${id}`);
  await arriveAt(page, heading);
  if (fee !== undefined) await expect(page.getByText(fee)).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
}

/** After moving to another page, keyboard focus is on its heading. */
export async function expectFocusOnHeading(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('h1') !== null))
    .toBe(true);
}

export async function continueTo(page: Page, heading: string | RegExp) {
  await page.getByRole('button', { name: 'Weiter' }).click();
  return arriveAt(page, heading);
}

/** The Führungszeugnis needs the online ID: on its start page, logs in (level high)
 * unless this browser is logged in already — by default as Erika Mustermann under a
 * new test account, so that journeys side by side share no account's cases or drafts. */
export async function logInForFuehrungszeugnis(page: Page, citizen = 'neue Testperson Erika Mustermann') {
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  const login = page.getByRole('button', { name: 'Anmelden und beginnen' });
  await expect(login.or(page.getByTestId('account'))).toBeVisible();
  if (await login.isVisible()) {
    await login.click();
    await logIn(page, citizen);
    await arriveAt(page, 'Führungszeugnis beantragen');
  }
  const name = citizen.replace('neue Testperson ', '');
  await expect(page.getByTestId('account')).toContainText(`Angemeldet als ${name}`);
}

/** From the service's start page to its first question, with a fresh draft. */
export async function startApplication(page: Page) {
  await logInForFuehrungszeugnis(page);
  await expect(page.getByText('13,00 €')).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  return arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
}

/** Types a date into the day, month and year boxes of the only date on the page. */
export async function fillDate(page: Page, day: string, month: string, year: string) {
  await page.getByLabel('Tag').fill(day);
  await page.getByLabel('Monat').fill(month);
  await page.getByLabel('Jahr').fill(year);
}

/** Types an address into the boxes of the only address on the page. */
export async function fillAddress(page: Page, street: string, postcode: string, town: string) {
  await page.getByLabel('Straße und Hausnummer').fill(street);
  await page.getByLabel('Postleitzahl', { exact: true }).fill(postcode);
  await page.getByLabel('Ort', { exact: true }).fill(town);
}

/** A Führungszeugnis for the citizen themself, every question answered, on the check page. */
export async function answerEverything(page: Page) {
  await startApplication(page);
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Bewerbung');
  // Name, birth date and place are the login's: shown, not asked.
  await continueTo(page, 'Wie heißen Sie?');
  await expect(page.getByTestId('locked-given_names')).toContainText('Erika');
  await expect(page.getByTestId('locked-family_name')).toContainText('Mustermann');
  await continueTo(page, 'Wann und wo sind Sie geboren?');
  await expect(page.getByTestId('locked-birth_date')).toContainText('1964');
  await expect(page.getByTestId('locked-birth_place')).toContainText('Berlin');
  await continueTo(page, 'Welche Staatsangehörigkeit haben Sie?');
  await page.getByLabel('Welche Staatsangehörigkeit haben Sie?').fill('deutsch');
  await continueTo(page, 'Wo wohnen Sie?');
  await page.getByLabel('Straße und Hausnummer').fill('Markt 1');
  await page.getByLabel('Postleitzahl').fill('45127');
  await page.getByLabel('Ort', { exact: true }).fill('Essen');
  await continueTo(page, 'Zustellung');
  await page.getByLabel('An meine Wohnanschrift').check();
  await continueTo(page, 'E-Mail-Adresse (optional)');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
}

/** Requests matching `pattern` fail once, as on a flaky connection, then go through. */
export async function failOnce(page: Page, pattern: string) {
  let failures = 1;
  await page.route(pattern, async (route) => {
    if (failures-- > 0) {
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
}

/** Plays the office's part with the reference backend's admin command, on the e2e
 * backend's database (as a city's clerk would, while the server runs). */
export function office(...args: string[]): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return execFileSync(
    join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'rathaus-server'),
    ['admin', '--data-dir', join(process.env.RATHAUS_E2E_DATA!, 'data'), ...args],
    { encoding: 'utf8' },
  );
}

/** The elements matching `selectors` come in this order on the page (first match of
 * each): what the citizen reads first is first. */
export async function expectInOrder(page: Page, selectors: string[]) {
  const order = await page.evaluate((all) => {
    const found = all.map((s) => document.querySelector(s));
    const missing = all.filter((_, i) => !found[i]);
    if (missing.length) return `missing: ${missing.join(', ')}`;
    const sorted = [...found].sort((a, b) =>
      a!.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return sorted.map((el) => all[found.indexOf(el)]).join(' < ');
  }, selectors);
  expect(order).toBe(selectors.join(' < '));
}

/** On the test identity provider's page (scripts/test-idp): logs in as one of its test
 * citizens ("Erika Mustermann"), and is back in the app. */
export async function logIn(page: Page, citizen: string) {
  await page.getByRole('button', { name: new RegExp(`^Als ${citizen} anmelden`) }).click();
  const appPort = process.env.RATHAUS_E2E_PORT ?? '8181';
  await page.waitForURL((url) => url.port === appPort && !url.pathname.startsWith('/api/'));
}

/** The language chooser in the header of any page: opens it and picks `language`,
 * named in itself ("Türkçe", "العربية"). */
export async function chooseLanguage(page: Page, language: string) {
  const chooser = page.locator('header details.language');
  if (!(await chooser.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await chooser.locator('summary').click();
  }
  await chooser.getByRole('button', { name: language, exact: true }).click();
}

/** A date `days` from today (negative: in the past), as the day, month and year a
 * citizen types: journeys with dates relative to today stay valid on any day. */
export function daysFromToday(days: number): { day: string; month: string; year: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return { day: String(date.getDate()), month: String(date.getMonth() + 1), year: String(date.getFullYear()) };
}

/** Types a date into the day, month and year boxes of the date question labelled
 * `legend` (for pages with more than one date). */
export async function fillDateIn(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Tag').fill(date.day);
  await group.getByLabel('Monat').fill(date.month);
  await group.getByLabel('Jahr').fill(date.year);
}

/** On the check page, with the declaration ticked: sends the application. With a fee,
 * pays `amount` ("12,00 €") at the test provider and returns to the confirmation;
 * without one, arrives at the confirmation straight away. Returns the case number. */
export async function sendAndPay(page: Page, amount?: string) {
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  if (!amount) {
    await arriveAt(page, 'Antrag gesendet');
    return (await page.getByTestId('case-number').textContent())!;
  }
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page.getByTestId('payment-state')).toHaveText(`Offene Gebühr: ${amount}`);
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bezahlen');
  await expect(page.getByTestId('amount')).toHaveText(amount);
  await expectAccessible(page);
  await page.getByLabel('PayPal').check();
  await page.getByRole('button', { name: /^Jetzt bezahlen/ }).click();
  await arriveAt(page, 'Bezahlt');
  await expect(page.getByTestId('receipt')).toContainText(amount);
  await page.getByRole('link', { name: 'Zurück zur Bestätigung Ihres Antrags' }).click();
  await arriveAt(page, 'Antrag gesendet');
  await expect(page.getByTestId('payment-state')).toHaveText('Bezahlt');
  return caseNumber;
}
