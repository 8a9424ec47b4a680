// Deregistering a business: the closing date may lie at most a month ahead (a limit
// counted from today, named in the error), and the fixed fee is paid at the end.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDate, fillDateIn, sendAndPay, openService } from './helpers';

test('deregister a business closing in two weeks and pay 15 €', async ({ page }) => {
  await openService(page, 'gewerbe-abmeldung', 'Gewerbe abmelden', '15,00 €');

  await arriveAt(page, 'Ihr Betrieb');
  await page.getByLabel('Name des Betriebs').fill('Fahrradladen Kettenblatt');
  await page.getByLabel('Den Betrieb (Hauptniederlassung)').check();

  // Two months ahead is too far: the error names the last possible day.
  await continueTo(page, 'Abmeldung');
  const closing = 'Ab wann üben Sie das Gewerbe nicht mehr aus?';
  await fillDateIn(page, closing, daysFromToday(62));
  await page.getByLabel('Ich gebe den Betrieb ganz auf').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#aufgabe_datum-error')).toContainText('oder früher sein');
  await expectAccessible(page);
  await fillDateIn(page, closing, daysFromToday(14));

  await continueTo(page, 'Anschrift der Betriebsstätte');
  await fillAddress(page, 'Rheinische Straße 20', '44137', 'Musterstadt');

  await continueTo(page, 'Inhaberin oder Inhaber');
  await page.getByLabel('Familienname').fill('Schulte');
  await page.getByLabel('Vornamen').fill('Jan Peter');
  await fillDate(page, '12', '5', '1978');
  await page.getByLabel('E-Mail-Adresse').fill('jan.schulte@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Fahrradladen Kettenblatt');
  await expect(main).toContainText('Rheinische Straße 20, 44137 Musterstadt');
  await expect(page.locator('.fee__amount')).toHaveText('15,00\u00a0€');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await sendAndPay(page, '15,00\u00a0€');
});
