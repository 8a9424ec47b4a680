// The languages: the chooser in the header of every kind of page, each language named
// in itself; Arabic right to left; Leichte Sprache; a text without a translation shown
// in German and marked as German. The expected words are read from the translators'
// files (translations/ui/*.po), so that a changed translation changes no test.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, chooseLanguage, expectAccessible, logInForFuehrungszeugnis } from './helpers';

const translations = join(dirname(fileURLToPath(import.meta.url)), '..', 'translations', 'ui');

/** The translation of the app's text `key` in `language`, from its PO file. */
function ui(language: string, key: string): string {
  const po = readFileSync(join(translations, `${language}.po`), 'utf8');
  const at = po.indexOf(`msgctxt "${key}"\n`);
  expect(at, `${key} in ${language}.po`).toBeGreaterThan(-1);
  const line = po.slice(at).split('\n').find((l) => l.startsWith('msgstr '))!;
  return JSON.parse(line.slice('msgstr '.length));
}

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

test('in Turkish, the app’s words are Turkish and a service’s German-only text is marked German', async ({
  page,
}) => {
  await page.goto('/services/hundesteuer');
  await arriveAt(page, 'Hund anmelden (Hundesteuer)');
  await chooseLanguage(page, 'Türkçe');
  // The definition has no Turkish: its title is German, and says so.
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: ui('tr', 'StartNow') })).toBeVisible();
  // Focus stays on the chooser, now in Turkish.
  await expect(page.locator('header .language__toggle')).toBeFocused();
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
  await page.keyboard.press('Escape');

  await page.goto('/services/hundesteuer');
  await arriveAt(page, 'Hund anmelden (Hundesteuer)');
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
