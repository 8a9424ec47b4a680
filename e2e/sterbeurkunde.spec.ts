// Ordering a death certificate as an heir: an heir shows proof (a file), the date of
// birth is optional, and one certificate costs the fixed fee.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, fillAddress, fillDate, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('order a death certificate as an heir, with proof', async ({ page }) => {
  await openService(page, 'sterbeurkunde', 'Sterbeurkunde bestellen', '12 € für die Urkunde, 6 € für jedes weitere Exemplar.');

  await arriveAt(page, 'Ist die Person in Musterstadt gestorben?');
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, 'In welcher Beziehung stehen Sie zu der verstorbenen Person?');
  await page.getByLabel('Erbin oder Erbe').check();

  // An heir who is not a close relative shows proof.
  await continueTo(page, 'Laden Sie einen Nachweis hoch');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#nachweis_datei-error')).toHaveText(
    'Fehler: Laden Sie einen Nachweis hoch, zum Beispiel den Erbschein oder eine Vollmacht',
  );
  await page.getByLabel('Laden Sie einen Nachweis hoch').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  await continueTo(page, 'Wer ist gestorben?');
  await page.getByLabel('Vornamen').fill('Hermann');
  await page.getByLabel('Familienname').fill('Mustermann');
  await continueTo(page, 'Wann ist die Person gestorben?');
  await fillDate(page, '3', '2', '2025');
  // Optional: left empty.
  await continueTo(page, 'Wann wurde die Person geboren? (optional)');
  await continueTo(page, 'Verwendungszweck');
  await page.getByLabel('Bank oder Sparkasse').check();
  await continueTo(page, 'Wie viele weitere Exemplare brauchen Sie?');
  await page.getByLabel('Wie viele weitere Exemplare brauchen Sie?').fill('0');
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await continueTo(page, 'Versand');
  await page.getByLabel('An meine Anschrift').check();
  await continueTo(page, 'E-Mail-Adresse');
  await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  const main = page.locator('main');
  await expect(main).toContainText('Hermann');
  await expect(main).toContainText('lageplan.pdf');
  await expect(page.locator('.fee__amount')).toHaveText('12,00\u00a0€');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig sind und dass ich diese Urkunde bekommen darf.')
    .check();
  await sendAndPay(page, '12,00\u00a0€');
});
