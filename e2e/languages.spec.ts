// The languages: the chooser in the header of every kind of page, each language named
// in itself; Arabic right to left; Leichte Sprache; a text without a translation shown
// in German and marked as German. The expected words are read from the translators'
// files (translations/ui/*.po), so that a changed translation changes no test.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, chooseLanguage, expectAccessible, logInForFuehrungszeugnis, office } from './helpers';

const translations = join(dirname(fileURLToPath(import.meta.url)), '..', 'translations', 'ui');

/** The translation of the app's text `key` in `language`, from its PO file. */
function ui(language: string, key: string): string {
  const po = readFileSync(join(translations, `${language}.po`), 'utf8');
  const at = po.indexOf(`msgctxt "${key}"\n`);
  expect(at, `${key} in ${language}.po`).toBeGreaterThan(-1);
  const line = po.slice(at).split('\n').find((l) => l.startsWith('msgstr '))!;
  return JSON.parse(line.slice('msgstr '.length));
}

/** A service's text in `language`, from its translation (translations/services). */
function svc(language: string, service: string, context: string): string {
  const po = readFileSync(join(translations, '..', 'services', language, `${service}.po`), 'utf8');
  const at = po.indexOf(`msgctxt ${JSON.stringify(context)}\n`);
  expect(at, `${context} in ${language}/${service}.po`).toBeGreaterThan(-1);
  const line = po.slice(at).split('\n').find((l) => l.startsWith('msgstr '))!;
  return JSON.parse(line.slice('msgstr '.length));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectNoSidewaysScrolling(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the chooser is on every kind of page and names each language in itself', async ({ page }) => {
  const pages: [string, string][] = [
    ['/', 'Dienstleistungen online beantragen'],
    ['/services/hundesteuer', 'Hund anmelden (Hundesteuer)'],
    ['/applications', 'Meine Anträge'],
    ['/status', 'Stand Ihres Antrags'],
    ['/datenschutz', 'Datenschutzerklärung'],
    ['/gibt-es-nicht', 'Seite nicht gefunden'],
  ];
  for (const [url, heading] of pages) {
    await page.goto(url);
    await arriveAt(page, heading);
    const chooser = page.locator('header details.language');
    await chooser.locator('summary').click();
    const list = chooser.getByRole('list', { name: 'Sprache wählen' });
    for (const [name, lang] of [
      ['Deutsch', 'de'],
      ['Leichte Sprache', 'de-x-ls'],
      ['English', 'en'],
      ['Türkçe', 'tr'],
      ['العربية', 'ar'],
      ['Українська', 'uk'],
      ['Русский', 'ru'],
      ['Polski', 'pl'],
    ]) {
      await expect(list.getByRole('button', { name, exact: true })).toHaveAttribute('lang', lang);
    }
    await expect(list.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');
    await expectAccessible(page);
  }
});

test('in Turkish: the app’s and a translated service’s words are Turkish, an untranslated service’s German is marked German', async ({
  page,
}) => {
  await page.goto('/services/hundesteuer');
  await arriveAt(page, 'Hund anmelden (Hundesteuer)');
  await chooseLanguage(page, 'Türkçe');
  // Focus stays on the chooser, now in Turkish.
  await expect(page.locator('header .language__toggle')).toBeFocused();
  // A translated service: in Turkish, from translations/services/tr.
  await arriveAt(page, svc('tr', 'hundesteuer', 'title'));
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /.+/);
  // A service nobody has translated (a test fixture): German, and marked German.
  await page.goto('/services/alle-feldtypen');
  await arriveAt(page, 'Alle Feldtypen (Test)');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: ui('tr', 'StartNow') })).toBeVisible();
  await expect(page.locator('header .language__toggle')).toContainText(ui('tr', 'Language'));
  await expectAccessible(page);
  // Remembered on the device.
  await page.goto('/');
  await arriveAt(page, ui('tr', 'CatalogueTitle'));
  await page.reload();
  await arriveAt(page, ui('tr', 'CatalogueTitle'));
});

test('in Arabic, right to left at 320 px: every page kind without sideways scrolling, axe clean', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await chooseLanguage(page, 'العربية');
  await arriveAt(page, ui('ar', 'CatalogueTitle'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expectNoSidewaysScrolling(page);
  // The chooser's list opens inside the page, not off its left edge.
  await page.locator('header .language__toggle').click();
  const box = (await page.locator('header .language__list').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  // Escape closes it, back on the toggle.
  await page.keyboard.press('Escape');
  await expect(page.locator('header .language__list')).toBeHidden();
  await expect(page.locator('header .language__toggle')).toBeFocused();

  await page.goto('/services/hundesteuer');
  await arriveAt(page, svc('ar', 'hundesteuer', 'title'));
  await expectNoSidewaysScrolling(page);
  await page.getByRole('button', { name: ui('ar', 'StartNow') }).click();
  await arriveAt(page, /.+/);
  await expectNoSidewaysScrolling(page);
  await page.getByRole('button', { name: ui('ar', 'Continue') }).click();
  // The error summary in Arabic, its links to the fields.
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(ui('ar', 'ErrorSummaryTitle'));
  await expectAccessible(page);
  await expectNoSidewaysScrolling(page);

  await page.goto('/status');
  await arriveAt(page, ui('ar', 'StatusTitle'));
  await expectNoSidewaysScrolling(page);
  await page.goto('/impressum');
  await arriveAt(page, ui('ar', 'ImprintTitle'));
  await expectNoSidewaysScrolling(page);
});

test('Leichte Sprache: its own words on the start and the step pages, read as German', async ({ page }) => {
  await logInForFuehrungszeugnis(page);
  await chooseLanguage(page, 'Leichte Sprache');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-x-ls');
  await expect(page.getByRole('button', { name: ui('de-x-ls', 'StartNow') })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: ui('de-x-ls', 'StartNow') }).click();
  await arriveAt(page, /.+/);
  await expect(page.getByRole('button', { name: ui('de-x-ls', 'Continue') })).toBeVisible();
});

for (const [lang, name] of [
  ['tr', 'Türkçe'],
  ['ar', 'العربية'],
]) {
  test(`the whole Führungszeugnis in ${name} at 360 px: answered, sent, paid, and the case page`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const t = (context: string) => svc(lang, 'fuehrungszeugnis', context);
    const next = async (heading: string | RegExp) => {
      await page.getByRole('button', { name: ui(lang, 'Continue'), exact: true }).click();
      await arriveAt(page, heading);
      await expectNoSidewaysScrolling(page);
    };
    await logInForFuehrungszeugnis(page);
    await chooseLanguage(page, name);
    await arriveAt(page, t('title'));
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    // The fee in the language's own way of writing money.
    await expect(page.locator('main')).toContainText(lang === 'ar' ? '13.00\u00a0€' : '€13,00');
    await page.getByRole('button', { name: ui(lang, 'StartNow') }).click();
    await arriveAt(page, t('steps/art/fields/kind/label'));
    // A question left out: the error in the language, at the field.
    await page.getByRole('button', { name: ui(lang, 'Continue'), exact: true }).click();
    await expect(page.locator('#kind-error')).toContainText(t('steps/art/fields/kind/messages/required'));
    await expectAccessible(page);
    await page.getByLabel(t('steps/art/fields/kind/options/private/label')).check();
    await next(t('steps/zweck/fields/purpose/label'));
    await page.getByLabel(t('steps/zweck/fields/purpose/label')).fill('Bewerbung');
    await next(t('steps/name/title'));
    // From the login, shown as such.
    await expect(page.getByTestId('locked-family_name')).toContainText('Mustermann');
    await next(t('steps/geburt/title'));
    await next(t('steps/staatsangehoerigkeit/fields/nationality/label'));
    await page.getByLabel(t('steps/staatsangehoerigkeit/fields/nationality/label')).fill('deutsch');
    await next(t('steps/anschrift/title'));
    await page.getByLabel(t('steps/anschrift/fields/street/label'), { exact: true }).fill('Markt 1');
    // Typed on an Arabic keyboard or not: the same postcode.
    await page
      .getByLabel(t('steps/anschrift/fields/postcode/label'), { exact: true })
      .fill(lang === 'ar' ? '٤٥١٢٧' : '45127');
    await page.getByLabel(t('steps/anschrift/fields/city/label'), { exact: true }).fill('Essen');
    await next(t('steps/zustellung/title'));
    await page.getByLabel(t('steps/zustellung/fields/delivery/options/home/label')).check();
    await next(new RegExp(`^${escape(t('steps/kontakt/fields/email/label'))}`));
    await next(ui(lang, 'CheckTitle'));
    await page.getByLabel(t('declaration')).check();
    await page.getByRole('button', { name: ui(lang, 'Submit') }).click();
    await arriveAt(page, ui(lang, 'CaseTitlePayment'));
    await expectNoSidewaysScrolling(page);
    const caseNumber = (await page.getByTestId('case-number').textContent())!;
    // The office reads German and Western digits.
    expect(office('show', caseNumber)).toContain('45127');

    await page.getByRole('button', { name: ui(lang, 'PayNow') }).click();
    // The test provider's own page (German, not the app's), then back.
    await expect(page.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
    await page.getByLabel('PayPal').check();
    await page.getByRole('button', { name: /^Jetzt bezahlen/ }).click();
    await arriveAt(page, ui(lang, 'PaymentPaid'));
    await expectNoSidewaysScrolling(page);
    await page.getByRole('link', { name: ui(lang, 'BackToConfirmation') }).click();
    await arriveAt(page, ui(lang, 'ConfirmationTitle'));
    await expect(page.getByTestId('payment-state')).toHaveText(ui(lang, 'PaymentPaid'));
    await expectNoSidewaysScrolling(page);
  });
}
