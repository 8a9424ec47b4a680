// A special use permit for public road space (Sondernutzungserlaubnis): the first day
// at least 10 days ahead, the last at most 3 months after it (a limit counted from
// another date), the days worked out on the page, the fee by square metres and days
// plus a processing fee, a sketch uploaded; a reference number only for an extension;
// a move is sent to the no-parking zone instead (a stopping page).
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('scaffolding on 12 m² of pavement for 30 days, after correcting a last day too late', async ({ page }) => {
  await openService(page, 'sondernutzung-strasse', 'Straße oder Gehweg nutzen (Sondernutzung)', /30 € Verwaltungsgebühr und 0,50 € Sondernutzungsgebühr je Quadratmeter und Tag/);

  await arriveAt(page, 'Was möchten Sie auf die Straße oder den Gehweg stellen?');
  await page.getByLabel('Gerüst', { exact: true }).check();

  // A new permit: the reference number is asked only for an extension.
  await continueTo(page, 'Neuer Antrag oder Verlängerung');
  await page.getByRole('radio', { name: 'Ja' }).check();
  await expect(page.getByLabel('Aktenzeichen der bisherigen Erlaubnis')).toBeVisible();
  await page.getByRole('radio', { name: 'Nein' }).check();
  await expect(page.getByLabel('Aktenzeichen der bisherigen Erlaubnis')).toHaveCount(0);

  await continueTo(page, 'Aufstellort und Fläche');
  await fillAddress(page, 'Kampstraße 12', '44137', 'Musterstadt');
  await page.getByLabel('Auf dem Gehweg').check();
  await page.getByLabel('Wie viele Quadratmeter brauchen Sie?').fill('12');

  // On the pavement: how much stays free for pedestrians.
  await continueTo(page, 'Wie viele Meter Gehweg bleiben für Fußgänger frei?');
  await page.getByLabel('Wie viele Meter Gehweg bleiben für Fußgänger frei?').fill('1,6');

  // More than 3 months after the first day: the author's words, next to the last day.
  await continueTo(page, 'Wann brauchen Sie die Fläche?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(14));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(114));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#ende-error')).toHaveText(
    'Fehler: Geben Sie einen letzten Tag höchstens 3 Monate nach dem ersten Tag ein. Brauchen Sie die Fläche länger, beantragen Sie danach eine Verlängerung',
  );
  await expect(page.locator('#beginn-error')).toHaveCount(0);
  await expectAccessible(page);
  // In 14 to 43 days: thirty days, both counted.
  await fillDateIn(page, 'Letzter Tag', daysFromToday(43));
  const tage = page.getByTestId('computed-tage');
  await expect(tage).toContainText('Anzahl der Tage');
  await expect(tage.locator('.computed__value')).toHaveText('30');
  await expect(page.locator('#ende-error')).toHaveCount(0);

  await continueTo(page, 'Laden Sie eine Skizze des Aufstellorts hoch');
  await page.getByLabel('Laden Sie eine Skizze des Aufstellorts hoch').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Jonas');
  await page.getByLabel('Familienname').fill('Schulte');
  await page.getByLabel('Firma (optional)').fill('Gerüstbau Schulte GmbH');
  await fillAddress(page, 'Hafenstraße 7', '44147', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('info@geruestbau-schulte.example');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Gerüst');
  await expect(main).toContainText('Kampstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('Auf dem Gehweg');
  await expect(main).toContainText('Anzahl der Tage');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('Gerüstbau Schulte GmbH');
  await expect(main).toContainText('Hafenstraße 7, 44147 Musterstadt');
  // 30 € + 0,50 € × 12 m² × 30 days.
  await expect(page.locator('.fee__amount')).toHaveText('210,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich sichere die Fläche ab, beleuchte sie bei Dunkelheit und hinterlasse sie sauber.',
    )
    .check();
  await sendAndPay(page, '210,00\u00a0€');
});

test('a removal van needs a no-parking zone instead', async ({ page }) => {
  await openService(page, 'sondernutzung-strasse', 'Straße oder Gehweg nutzen (Sondernutzung)');
  await arriveAt(page, 'Was möchten Sie auf die Straße oder den Gehweg stellen?');
  await page.getByLabel('Einen Umzugswagen oder Möbel beim Umzug').check();

  await continueTo(page, 'Für einen Umzug beantragen Sie ein Halteverbot');
  await expect(page.getByText(/brauchen Sie keine Sondernutzungserlaubnis/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Halteverbot für den Umzug beantragen', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/services/halteverbot-umzug');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
