// A parking permit for a trade business: one permit per vehicle (a group of 1 to 3),
// the plate has a shape (a pattern), a proof is uploaded, and a reminder may be chosen.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, expectAccessible, fillAddress, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('permits for two vehicles, after correcting a plate; the fee counts them', async ({ page }) => {
  await openService(page, 'handwerkerparkausweis', 'Handwerkerparkausweis beantragen', '250 € im Jahr für jedes Fahrzeug.');

  await arriveAt(page, 'Ihr Betrieb');
  await page.getByLabel('Name des Betriebs').fill('Elektro Schulte GmbH');
  await page.getByLabel('Handwerk oder Gewerbe').fill('Elektrotechnik');
  await fillAddress(page, 'Hafenstraße 7', '44147', 'Musterstadt');

  // At least one vehicle: straight to the first vehicle's questions.
  await continueTo(page, 'Fahrzeug 1');
  // Without the hyphen: not the shape of a plate.
  await page.getByLabel('Kennzeichen').fill('MS HW 123');
  await page.getByLabel('Transporter bis 3,5 Tonnen').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#kennzeichen-error')).toHaveText(
    'Fehler: Schreiben Sie das Kennzeichen mit Bindestrich und Leerzeichen, zum Beispiel MS-HW 123',
  );
  await expectAccessible(page);
  await page.getByLabel('Kennzeichen').fill('MS-HW 123');
  await continueTo(page, 'Ihre Fahrzeuge');
  await expect(page.locator('.summary-list')).toContainText('Fahrzeug 1: MS-HW 123');
  await page.getByLabel('Ja').check();

  await continueTo(page, 'Fahrzeug 2');
  await page.getByLabel('Kennzeichen').fill('MS-HW 456');
  await page.getByLabel('Pkw oder Kombi').check();
  await continueTo(page, 'Ihre Fahrzeuge');
  await expect(page.locator('.summary-list')).toContainText('Fahrzeug 2: MS-HW 456');
  await page.getByLabel('Nein').check();

  await continueTo(page, 'Laden Sie Ihre Gewerbeanmeldung oder Handwerkskarte hoch');
  await page
    .getByLabel('Laden Sie Ihre Gewerbeanmeldung oder Handwerkskarte hoch')
    .setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  await continueTo(page, 'Ansprechperson');
  await page.getByLabel('Vornamen').fill('Jonas');
  await page.getByLabel('Familienname').fill('Schulte');
  await page.getByLabel('E-Mail-Adresse').fill('info@elektro-schulte.example');
  // The reminder is a consent the business may leave out; here it is given.
  await page.getByLabel('Ich möchte per E-Mail an die Verlängerung erinnert werden.').check();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Elektro Schulte GmbH');
  await expect(main).toContainText('MS-HW 123');
  await expect(main).toContainText('MS-HW 456');
  await expect(main).toContainText('lageplan.pdf');
  // 250 € for each of the two vehicles.
  await expect(page.locator('.fee__amount')).toHaveText('500,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind und dass die Fahrzeuge auf meinen Betrieb zugelassen sind oder von ihm geleast werden.',
    )
    .check();
  await sendAndPay(page, '500,00\u00a0€');
});
