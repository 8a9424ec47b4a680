// Changing a business registration: what is chosen to change decides which pages
// follow (one per change), the date lies within its limits, and the fee is fixed.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDate, fillDateIn, sendAndPay, openService } from './helpers';

test('report a move and a new activity and pay 20 €', async ({ page }) => {
  await openService(page, 'gewerbe-ummeldung', 'Gewerbe ummelden', '20,00 €');

  await arriveAt(page, 'Ihr Betrieb');
  await page.getByLabel('Name des Betriebs').fill('Fahrradladen Kettenblatt');
  await fillAddress(page, 'Rheinische Straße 20', '44137', 'Musterstadt');

  // Nothing chosen is not an answer.
  await continueTo(page, 'Was ändert sich?');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#aenderung-error')).toHaveText('Fehler: Wählen Sie aus, was sich ändert');
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Die Anschrift' }).check();
  await page.getByRole('checkbox', { name: 'Die Tätigkeit' }).check();

  // One page for each change chosen; name and legal form are not asked.
  await continueTo(page, 'Neue Anschrift des Betriebs');
  await fillAddress(page, 'Hansastraße 5', '44137', 'Musterstadt');
  await continueTo(page, 'Welche Tätigkeit üben Sie nach der Änderung aus?');
  await page
    .getByLabel('Welche Tätigkeit üben Sie nach der Änderung aus?')
    .fill('Einzelhandel mit Fahrrädern und Zubehör, Reparatur von Fahrrädern, Verleih von Lastenrädern');
  await continueTo(page, 'Ab wann gilt die Änderung?');
  await fillDateIn(page, 'Ab wann gilt die Änderung?', daysFromToday(7));

  await continueTo(page, 'Inhaberin oder Inhaber');
  await page.getByLabel('Familienname').fill('Schulte');
  await page.getByLabel('Vornamen').fill('Jan Peter');
  await fillDate(page, '12', '5', '1978');
  await page.getByLabel('E-Mail-Adresse').fill('jan.schulte@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Die Anschrift, Die Tätigkeit');
  await expect(main).toContainText('Hansastraße 5, 44137 Musterstadt');
  await expect(main).toContainText('Verleih von Lastenrädern');
  await expect(main).not.toContainText('Neuer Name des Betriebs');
  await expect(page.locator('.fee__amount')).toHaveText('20,00\u00a0€');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await sendAndPay(page, '20,00\u00a0€');
});
