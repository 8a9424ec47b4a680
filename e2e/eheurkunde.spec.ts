// Ordering a marriage certificate: the date of divorce cannot lie before the marriage
// (a date limit read from an earlier question), and the certificate goes to another address.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible, fillAddress, fillDate, sendAndPay, openService } from './helpers';

test('order a marriage certificate after a divorce, sent to another address', async ({ page }) => {
  await openService(page, 'eheurkunde', 'Eheurkunde bestellen', '12 € für die Urkunde, 6 € für jedes weitere Exemplar.');

  await arriveAt(page, 'Wurde die Ehe in Musterstadt geschlossen?');
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, 'Um wessen Ehe geht es?');
  await page.getByLabel('Um meine eigene Ehe').check();
  await continueTo(page, 'Wer hat geheiratet?');
  await page.getByLabel('Name der ersten Person').fill('Erika Schmidt');
  await page.getByLabel('Name der zweiten Person').fill('Max Mustermann');
  await continueTo(page, 'Wann wurde die Ehe geschlossen?');
  await fillDate(page, '12', '6', '2010');
  await continueTo(page, 'Wurde die Ehe geschieden?');
  await page.getByLabel('Ja', { exact: true }).check();

  // A divorce before the marriage: refused next to the question, in the author's words.
  await continueTo(page, 'Wann wurde die Ehe geschieden?');
  await fillDate(page, '1', '3', '2009');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#scheidungsdatum-error')).toHaveText(
    'Fehler: Das Datum der Scheidung darf nicht vor der Eheschließung liegen',
  );
  await expectAccessible(page);
  await page.getByLabel('Jahr').fill('2015');
  await continueTo(page, 'Welche Urkunde brauchen Sie?');

  await page.getByLabel('Eheurkunde', { exact: true }).check();
  await continueTo(page, 'Wie viele weitere Exemplare brauchen Sie?');
  await page.getByLabel('Wie viele weitere Exemplare brauchen Sie?').fill('1');
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Schmidt');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await continueTo(page, 'Versand');
  // Another address: its boxes appear under the choice.
  await expect(page.getByLabel('Straße und Hausnummer')).toHaveCount(0);
  await page.getByLabel('An eine andere Anschrift in Deutschland').check();
  await fillAddress(page, 'Lindenweg 4', '44137', 'Musterstadt');
  await continueTo(page, 'E-Mail-Adresse');
  await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  const main = page.locator('main');
  await expect(main).toContainText('Lindenweg 4, 44137 Musterstadt');
  // 12 € for the certificate, 6 € for the one additional copy.
  await expect(page.locator('.fee__amount')).toHaveText('18,00\u00a0€');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig sind und dass ich diese Urkunde bekommen darf.')
    .check();
  await sendAndPay(page, '18,00\u00a0€');
});
