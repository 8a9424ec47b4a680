// The legal pages a city must have — Impressum, Datenschutzerklärung, Erklärung zur
// Barrierefreiheit — reached from every page's footer, filled from the city's
// dist/legal.json (changed without a rebuild), the short privacy notice before a wizard
// asks for anything, and the form to report a barrier, which reaches the office once.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLanguage, arriveAt, expectAccessible, expectFocusOnHeading, office } from './helpers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const served = join(root, 'dist', 'legal.json');

// One test changes the served legal.json: the others in this file must not read it
// meanwhile.
test.describe.configure({ mode: 'serial' });

/** The translation of the city's text `context` (translations/legal/{language}.po). */
function city(language: string, context: string): string {
  const po = readFileSync(join(root, 'translations', 'legal', `${language}.po`), 'utf8');
  const at = po.indexOf(`msgctxt ${JSON.stringify(context)}\n`);
  expect(at, `${context} in ${language}.po`).toBeGreaterThan(-1);
  const line = po.slice(at).split('\n').find((l) => l.startsWith('msgstr '))!;
  return JSON.parse(line.slice('msgstr '.length));
}

async function followFooter(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: 'Rechtliches' }).getByRole('link', { name: link }).click();
  const h1 = await arriveAt(page, heading);
  await expectFocusOnHeading(page);
  await expect(page).toHaveTitle(new RegExp(`^${heading} – Rathaus`));
  return h1;
}

test('the footer of every page reaches the three pages, filled from the city', async ({ page, context }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/status');
  await arriveAt(page, 'Stand Ihres Antrags');

  await followFooter(page, 'Impressum', 'Impressum');
  const main = page.locator('main');
  await expect(main).toContainText('§ 5 Digitale-Dienste-Gesetz');
  await expect(main).toContainText('Rathausplatz 1');
  await expect(main).toContainText('Körperschaft des öffentlichen Rechts');
  await expect(main).toContainText('Oberbürgermeisterin Dr. Maria Beispiel');
  await expect(main.getByRole('link', { name: '+49 555 1234-0' })).toHaveAttribute('href', 'tel:+4955512340');
  await expect(main.getByRole('link', { name: 'rathaus@musterstadt.de' })).toHaveAttribute(
    'href',
    'mailto:rathaus@musterstadt.de',
  );
  await expect(main).toContainText('Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV');

  await followFooter(page, 'Datenschutzerklärung', 'Datenschutzerklärung');
  await expect(main).toContainText('datenschutz@musterstadt.de');
  await expect(main).toContainText('Landesbeauftragte für Datenschutz und Informationsfreiheit');
  await expect(main).toContainText('30 Tage nach der letzten Änderung gelöscht');
  await expect(main).toContainText('nur dann ein Cookie, wenn Sie sich anmelden');
  // What logging in keeps, and for how long, in the city's own section.
  await expect(main.getByRole('heading', { name: 'Anmeldung mit Ihrem Konto' })).toBeVisible();
  await expect(main).toContainText('Die Sitzung endet nach 30 Minuten ohne Aktion');
  // What each service asks for, from its definition.
  const fz = main.locator('details').filter({ hasText: 'Führungszeugnis beantragen' });
  await fz.locator('summary').click();
  await expect(fz).toContainText('Bundesamt für Justiz');
  await expect(fz.getByRole('listitem').filter({ hasText: 'Geburtsort' })).toBeVisible();
  await expectAccessible(page);

  await followFooter(page, 'Erklärung zur Barrierefreiheit', 'Erklärung zur Barrierefreiheit');
  await expect(main).toContainText('teilweise mit den Anforderungen vereinbar');
  await expect(main).toContainText('Leichter Sprache');
  await expect(main).toContainText('am 20. November 2026 erstellt');
  await expect(main).toContainText('Selbstbewertung');
  await expect(main).toContainText('Ombudsstelle für barrierefreie Informationstechnik');
  await expect(main).toContainText(`unter ${new URL(page.url()).origin}`);

  // In English, at the same addresses.
  await chooseLanguage(page, 'English');
  await arriveAt(page, 'Accessibility statement');
  await expect(main).toContainText('partially compliant');
  await page.goto('/impressum');
  await arriveAt(page, 'Legal notice');
  await expect(main).toContainText('Dr Maria Beispiel, Lord Mayor');

  // Nothing from anywhere else, no cookies.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('the privacy statement in Arabic: the city’s own sections in Arabic, right to left', async ({ page }) => {
  await page.goto('/datenschutz');
  await arriveAt(page, 'Datenschutzerklärung');
  await chooseLanguage(page, 'العربية');
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: city('ar', 'privacy/sections/0/heading') })).toBeVisible();
  await expect(main.getByText(city('ar', 'privacy/sections/0/paragraphs/0'))).not.toHaveAttribute('lang', /.*/);
  await expect(main.getByText(city('ar', 'privacy/retention/0'))).toBeVisible();
  await expectAccessible(page);
});

test('a service says who processes the data and why before it asks for any', async ({ page }) => {
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  const notice = page.locator('.privacy-notice');
  await expect(notice).toContainText('Verantwortlich: Stadt Musterstadt.');
  await expect(notice).toContainText('§ 30 Bundeszentralregistergesetz');
  // Above the button that starts asking.
  const noticeBox = (await notice.boundingBox())!;
  // (The Führungszeugnis needs the online ID: its first button logs in.)
  const startBox = (await page.getByRole('button', { name: 'Anmelden und beginnen' }).boundingBox())!;
  expect(noticeBox.y).toBeLessThan(startBox.y);
  await notice.getByRole('link', { name: 'Datenschutzerklärung lesen' }).click();
  await arriveAt(page, 'Datenschutzerklärung');
  await expectFocusOnHeading(page);
});

test('a barrier report is checked, survives a lost answer and reaches the office once', async ({ page }) => {
  await page.goto('/barrierefreiheit');
  await arriveAt(page, 'Erklärung zur Barrierefreiheit');
  await page.getByRole('link', { name: 'Barriere melden' }).click();
  await arriveAt(page, 'Barriere melden');
  await expectFocusOnHeading(page);

  // Nothing filled in: the summary, each field's error tied to its box, the title.
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Fehler: Barriere melden/);
  const where = page.getByLabel('Auf welcher Seite?');
  await expect(page.locator('#feedback-page-error')).toHaveText(
    'Fehler: Geben Sie an, auf welcher Seite die Barriere ist',
  );
  await expect(where).toHaveAttribute('aria-describedby', /feedback-page-error/);
  await expect(page.getByLabel('Was ist passiert?')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.locator('.error-summary').getByRole('link', { name: 'Beschreiben Sie die Barriere' }).click();
  await expect(page.getByLabel('Was ist passiert?')).toBeFocused();

  const unique = `Der Fehlertext wird nicht vorgelesen (${test.info().testId}-${Date.now()})`;
  await where.fill('Hundesteuer, Schritt 2');
  await page.getByLabel('Was ist passiert?').fill(unique);
  await page.getByLabel('Wie können wir Ihnen antworten? (optional)').fill('erika@example.org');

  // The report arrives, but its answer is lost on the way back.
  let lose = true;
  await page.route('**/api/v1/feedback', async (route) => {
    if (lose) {
      lose = false;
      await route.fetch();
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByRole('alert')).toContainText('Ihre Meldung wurde nicht gesendet');
  await expect(where).toHaveValue('Hundesteuer, Schritt 2');
  await expect(page.getByLabel('Was ist passiert?')).toHaveValue(unique);
  await expect(page).toHaveTitle(/^Barriere melden/);

  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await arriveAt(page, 'Meldung gesendet');
  await expectFocusOnHeading(page);
  const reference = (await page.getByTestId('feedback-reference').textContent())!.match(/BF-[A-Z0-9-]+/)![0];

  // The office has it, once, as it was written.
  const printed = office('feedback', '--limit', '100');
  expect(printed.split(unique).length - 1).toBe(1);
  expect(printed).toContain(reference);
  expect(printed).toContain('page:    Hundesteuer, Schritt 2');
  expect(printed).toContain('contact: erika@example.org');

  // Another report starts empty.
  await page.getByRole('button', { name: 'Weitere Barriere melden' }).click();
  await arriveAt(page, 'Barriere melden');
  await expect(page.getByLabel('Auf welcher Seite?')).toHaveValue('');
});

test('a city changes legal.json and the pages follow without a rebuild', async ({ page }) => {
  const original = readFileSync(served, 'utf8');
  const changed = JSON.parse(original);
  changed.city = { de: 'Stadt Beispielhausen', en: 'City of Beispielhausen' };
  changed.representative = { de: 'Oberbürgermeister Max Probe', en: 'Max Probe, Mayor' };
  changed.vat_id = 'DE 999 999 999';
  changed.imprint.sections = [
    {
      heading: { de: 'Hinweis zu <b>Inhalten</b>', en: 'A note on content' },
      paragraphs: [{ de: 'Nur auf Deutsch <script>alert(1)</script> geschrieben.' }],
    },
  ];
  // As a city would: write the file whole, so that no visitor reads half of it.
  const write = (text: string) => {
    writeFileSync(`${served}.tmp`, text);
    renameSync(`${served}.tmp`, served);
  };
  try {
    await page.goto('/impressum');
    await arriveAt(page, 'Impressum');
    await expect(page.locator('main')).toContainText('Stadt Musterstadt');
    write(JSON.stringify(changed, null, 2));
    await page.reload();
    await arriveAt(page, 'Impressum');
    const main = page.locator('main');
    await expect(main).toContainText('Stadt Beispielhausen');
    await expect(main).toContainText('Oberbürgermeister Max Probe');
    await expect(main).toContainText('Umsatzsteuer-Identifikationsnummer');
    await expect(main).toContainText('DE 999 999 999');
    // The city's text is text, never markup.
    await expect(main.getByRole('heading', { name: 'Hinweis zu <b>Inhalten</b>' })).toBeVisible();
    await expect(main).toContainText('<script>alert(1)</script>');
    expect(await main.locator('script, b').count()).toBe(0);

    // In English, a paragraph the city wrote only in German says it is German.
    await chooseLanguage(page, 'English');
    await arriveAt(page, 'Legal notice');
    await expect(main.getByText('Nur auf Deutsch')).toHaveAttribute('lang', 'de');
    await expect(main.getByRole('heading', { name: 'A note on content' })).not.toHaveAttribute('lang', 'de');
    await expect(main).toContainText('Max Probe, Mayor');

    // In Turkish, the city's texts come from its translators' file — but not a
    // translation of German the city has changed since: that shows in German.
    await chooseLanguage(page, 'Türkçe');
    await expect(main.getByText(city('tr', 'legal_form'))).toBeVisible();
    await expect(main.getByText('Oberbürgermeister Max Probe')).toHaveAttribute('lang', 'de');
    await expect(main).not.toContainText(city('tr', 'representative'));
    await expectAccessible(page);
  } finally {
    write(original);
  }
});
