// Dog tax: a group that needs at least one item starts with its first item; a listed
// breed asks more; the fee counts the dogs.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, fillAddress, fillDate, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('register two dogs, one of a listed breed; the fee follows', async ({ page }) => {
  await openService(page, 'hundesteuer', 'Hund anmelden (Hundesteuer)', /96 € für den ersten Hund/);
  await arriveAt(page, 'Halterin oder Halter');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('Vornamen').fill('Erika');
  // Too young: the author's own words.
  await fillDate(page, '1', '1', '2015');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#geburtsdatum-error')).toHaveText('Fehler: Hunde anmelden können nur Volljährige');
  await page.getByLabel('Jahr').fill('1980');

  // At least one dog: straight to the first dog's questions; back leads to the owner.
  await continueTo(page, 'Hund 1');
  await expect(page.locator('.back-link')).toHaveAttribute('href', '/services/hundesteuer/apply/halter');
  await page.getByLabel('Name des Hundes').fill('Bello');
  await page.getByLabel('Rasse').selectOption({ label: 'Labrador Retriever' });
  await expect(page.getByText('Erlaubnis nach dem Landeshundegesetz')).toHaveCount(0);
  await fillDate(page, '1', '3', '2024');
  await continueTo(page, 'Ihre Hunde');
  await expect(page.locator('.summary-list')).toContainText('Hund 1: Bello');
  await page.getByLabel('Ja').check();

  await continueTo(page, 'Hund 2');
  await page.getByLabel('Name des Hundes').fill('Rex');
  await page.getByLabel('Rasse').selectOption({ label: 'Bullterrier (gelistet)' });
  await fillDate(page, '1', '3', '2025');
  await page.getByLabel('Erlaubnis nach dem Landeshundegesetz').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page.getByRole('radio', { name: 'Ja' }).check();
  await continueTo(page, 'Ihre Hunde');
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  // 96 € + 132 € + 504 € for the listed breed.
  await expect(page.locator('.fee__amount')).toHaveText('732,00\u00a0€');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page.getByText('Offene Gebühr: 732,00\u00a0€')).toBeVisible();
});
