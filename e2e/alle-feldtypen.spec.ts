// A test-only service (e2e/fixtures/services/alle-feldtypen.json) with every kind of
// question on one page: each is wired accessibly, each required one gets its own error,
// wrong answers are named precisely, and good ones lead to a case.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLanguage, arriveAt, continueTo, expectAccessible, fillAddress, fillDate } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('every kind of question on one page: errors for each, then a case', async ({ page }) => {
  await page.goto('/services/alle-feldtypen/apply/alles');
  await arriveAt(page, 'Alle Fragen');
  await expect(page.getByRole('heading', { name: 'Zur Information' })).toBeVisible();

  // Nothing answered: one error per required question, in page order, the info text none.
  await page.getByRole('button', { name: 'Weiter' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(18);
  await expect(summary.getByRole('link').first()).toHaveText('Geben Sie „Kurzer Text“ an');
  await expect(summary.getByRole('link').last()).toHaveText('Bestätigen Sie „Ich stimme zu.“');
  await expectAccessible(page);

  // Wrong answers are named in the question's terms.
  await page.getByLabel('Ganze Zahl').fill('12');
  await page.getByLabel('Dezimalzahl').fill('1,234');
  await page.getByLabel('Betrag').fill('zwölf');
  await page.getByLabel('Telefonnummer').fill('123');
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
  await page.getByLabel('Steuer-ID').fill('12345678901');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#zahl-error')).toHaveText('Fehler: „Ganze Zahl“ darf höchstens 10 sein');
  await expect(page.locator('#dezimal-error')).toHaveText('Fehler: „Dezimalzahl“ darf höchstens 2 Nachkommastellen haben');
  await expect(page.locator('#betrag-error')).toHaveText('Fehler: „Betrag“ muss eine Zahl sein, zum Beispiel 1250 oder 12,50');
  await expect(page.locator('#telefon-error')).toHaveText('Fehler: Geben Sie eine Telefonnummer ein, zum Beispiel 0231 50 12345');
  await expect(page.locator('#iban-error')).toHaveText('Fehler: Geben Sie eine gültige IBAN ein, zum Beispiel DE89 3704 0044 0532 0130 00');
  await expect(page.locator('#steuer-error')).toContainText('11-stellige Steuer-Identifikationsnummer');
  await expectAccessible(page);

  // Good answers for all.
  await page.getByLabel('Kurzer Text').fill('Hallo');
  await page.getByLabel('Langer Text').fill('Zeile eins\nZeile zwei');
  await page.getByLabel('Ganze Zahl').fill('7');
  await page.getByLabel('Dezimalzahl').fill('1,25');
  await page.getByLabel('Betrag').fill('1.250,50');
  await fillDate(page, '1', '2', '2000');
  await page.getByLabel('E-Mail-Adresse').fill('test@example.org');
  await page.getByLabel('Telefonnummer').fill('+49 231 50-0');
  await page.getByLabel('Postleitzahl allein').fill('44135');
  await page.getByLabel('IBAN').fill('de89 3704 0044 0532 0130 00');
  await page.getByLabel('Steuer-ID').fill('86095742719');
  await page.getByLabel('Üpsilon').check();
  await page.getByRole('checkbox', { name: 'Aa' }).check();
  await page.getByRole('checkbox', { name: 'Be' }).check();
  await page.getByLabel('Aus einer Liste').selectOption({ label: 'Zweiter' });
  await page.getByRole('radio', { name: 'Nein' }).check();
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await page.getByLabel('Eine Datei').setInputFiles(join(fixtures, 'foto.png'));
  await expect(page.getByText('Hochgeladen: foto.png')).toBeVisible();
  await page.getByLabel('Ich stimme zu.').check();
  // Each answer that fixes its error removes it at once: nothing is left to summarise.
  await expect(summary).toHaveCount(0);
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  const main = page.locator('main');
  await expect(main).toContainText('1.250,50\u00a0€');
  await expect(main).toContainText('1. Februar 2000');
  await expect(main).toContainText('Aa, Be');
  await expect(main).toContainText('Zweiter');
  await expect(main).toContainText('Markt 1, 44135 Musterstadt');
  await expect(main).toContainText('foto.png');
  await expect(main).not.toContainText('Zur Information');
  // 1 € for "a" and 2 € for "b".
  await expect(page.locator('.fee__amount')).toHaveText('3,00\u00a0€');
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
});

test('every kind of question in English', async ({ page }) => {
  await page.goto('/services/alle-feldtypen/apply/alles');
  await arriveAt(page, 'Alle Fragen');
  await chooseLanguage(page, 'English');
  await arriveAt(page, 'All questions');
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeVisible();
  await expect(page.getByLabel('From a list')).toContainText('Please select');
  await expect(page.getByLabel('Street and house number')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toContainText('There is a problem');
  await expect(page.locator('#auswahl-error')).toHaveText('Error: Select an answer for ‘Several’');
  await expect(page.locator('#datei-error')).toHaveText('Error: Select a file for ‘A file’');
  await expectAccessible(page);
});
