// Reporting a lost item: the day of the loss may lie at most six months back (the
// lost property office keeps items that long), the time of day is optional, and a lost
// identity card or passport is sent to the Bürgerbüro instead (a stopping page).
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillDateIn, sendAndPay, openService } from './helpers';

test('report a lost wallet, after correcting a day too long ago', async ({ page }) => {
  await openService(page, 'fundsachen', 'Fundsache abgeben oder suchen', 'gebührenfrei');

  await arriveAt(page, 'Was haben Sie verloren?');
  await page.getByLabel('Geldbörse oder Portemonnaie').check();
  await continueTo(page, 'Beschreiben Sie, was Sie verloren haben');
  await page
    .getByLabel('Beschreiben Sie, was Sie verloren haben')
    .fill('Schwarze Geldbörse aus Leder mit Druckknopf, darin eine Bankkarte der Sparkasse und zwei Fotos.');

  // More than six months ago: the author's words, next to the question.
  await continueTo(page, 'Wann haben Sie es verloren?');
  await fillDateIn(page, 'An welchem Tag?', daysFromToday(-200));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#verlustdatum-error')).toHaveText(
    'Fehler: Das Fundbüro bewahrt Fundsachen 6 Monate auf. Für einen Verlust, der länger her ist, können wir leider nicht mehr suchen',
  );
  await expectAccessible(page);
  await fillDateIn(page, 'An welchem Tag?', daysFromToday(-3));
  await page.getByLabel('Um wie viel Uhr ungefähr?').fill('14.30');

  await continueTo(page, 'Wo haben Sie es verloren?');
  await page.getByLabel('Wo haben Sie es verloren?').fill('Bus 440 Richtung Aplerbeck, hintere Sitzreihe');

  // The telephone number is optional: left empty.
  await continueTo(page, 'Wie erreichen wir Sie?');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Geldbörse oder Portemonnaie');
  await expect(main).toContainText('Schwarze Geldbörse aus Leder');
  await expect(main).toContainText('14:30');
  await expect(main).toContainText('Bus 440 Richtung Aplerbeck');
  await expect(page.locator('.fee__amount')).toHaveCount(0);
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind und dass die Sache mir gehört oder ich sie für die Eigentümerin oder den Eigentümer suche.',
    )
    .check();
  await sendAndPay(page);
});

test('a lost identity card or passport is reported to the Bürgerbüro instead', async ({ page }) => {
  await openService(page, 'fundsachen', 'Fundsache abgeben oder suchen');
  await arriveAt(page, 'Was haben Sie verloren?');
  await page.getByLabel('Personalausweis oder Reisepass').check();

  await continueTo(page, 'Personalausweis oder Reisepass verloren? Melden Sie den Verlust beim Bürgerbüro');
  await expect(page.getByText(/Das Bürgerbüro sperrt das Dokument, damit niemand es missbrauchen kann/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Verlust des Ausweises melden', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/ausweis-verloren');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
