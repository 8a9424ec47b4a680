// The catalogue in the reader's language: the front page's topics, the search (in the
// language's own words, typed as people type them) and a life situation's page. The
// expected words are read from the translators' files (translations/catalogue), so
// that a changed translation changes no test.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, chooseLanguage, expectAccessible } from './helpers';

const translations = join(dirname(fileURLToPath(import.meta.url)), '..', 'translations');

/** The translation of `context` in a PO file under translations/. */
function po(file: string, context: string): string {
  const text = readFileSync(join(translations, file), 'utf8');
  const at = text.indexOf(`msgctxt ${JSON.stringify(context)}\n`);
  expect(at, `${context} in ${file}`).toBeGreaterThan(-1);
  const line = text.slice(at).split('\n').find((l) => l.startsWith('msgstr '))!;
  return JSON.parse(line.slice('msgstr '.length));
}

const catalogue = (language: string, part: string, context: string) =>
  po(`catalogue/${language}/${part}.po`, context);
const ui = (language: string, key: string) => po(`ui/${language}.po`, key);
/** A wizard's catalogue entry is named by its definition's title (docs/search.md). */
const wizardName = (language: string, service: string) => po(`services/${language}/${service}.po`, 'title');

test('in Turkish: the topics are Turkish, and Turkish words typed without Turkish letters find the service', async ({
  page,
}) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await chooseLanguage(page, 'Türkçe');
  await arriveAt(page, ui('tr', 'CatalogueTitle'));
  const animals = page.getByRole('link', { name: catalogue('tr', 'topics', 'life_situations/tiere/name'), exact: true });
  await expect(animals).toBeVisible();
  await expect(animals).not.toHaveAttribute('lang', /.*/);

  const box = page.getByLabel(ui('tr', 'SearchLabel'));
  // "köpeğimi kaydettirmek" as typed on a German keyboard.
  await box.fill('kopegimi kaydettirmek');
  const first = page.locator('#search-results > li').first();
  await expect(first).toContainText(wizardName('tr', 'hundesteuer'));
  await expectAccessible(page);
  await box.fill('ehliyetimi kaybettim');
  await expect(page.locator('#search-results > li').first()).toContainText(/ehliyet|sürücü belgesi/i);
  await expectAccessible(page);
  // German typed by a Turkish reader still finds it.
  await box.fill('Führungszeugnis');
  await expect(page.locator('#search-results > li').first()).toContainText(
    wizardName('tr', 'fuehrungszeugnis'),
  );
});

test('in Arabic: a life situation’s page in Arabic, right to left, and a search in Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await chooseLanguage(page, 'العربية');
  await arriveAt(page, ui('ar', 'CatalogueTitle'));
  const name = catalogue('ar', 'topics', 'life_situations/tiere/name');
  await page.getByRole('link', { name, exact: true }).click();
  await arriveAt(page, name);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText(catalogue('ar', 'topics', 'life_situations/tiere/intro'))).toBeVisible();
  await expect(page.getByRole('link', { name: wizardName('ar', 'hundesteuer') })).toBeVisible();

  await page.goto('/');
  await arriveAt(page, ui('ar', 'CatalogueTitle'));
  await page.getByLabel(ui('ar', 'SearchLabel')).fill('أريد تسجيل كلبي');
  await expect(page.locator('#search-results > li').first()).toContainText(
    wizardName('ar', 'hundesteuer'),
  );
  await expectAccessible(page);
});
