// A no-parking zone for a move: the first day counts from today, the last from the
// first, the number of days is worked out on the page, times of day are read in more
// than one way, and the fee grows with metres and days.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

test('a zone of 15 metres for 3 days, after correcting the length and the first day', async ({ page }) => {
  await openService(page, 'halteverbot-umzug', 'Halteverbot für den Umzug einrichten', /45 € Verwaltungsgebühr und 0,10 € je Meter und Tag/);

  await arriveAt(page, 'Vor welchem Haus soll das Halteverbot sein?');
  await fillAddress(page, 'Kampstraße 12', '44137', 'Musterstadt');
  await continueTo(page, 'Auf welcher Straßenseite soll das Halteverbot sein?');
  await page.getByLabel('Auf der Seite des Hauses').check();

  // Shorter than the signs can mark: the author's words, next to the question.
  await continueTo(page, 'Wie viele Meter lang soll das Halteverbot sein?');
  const laenge = page.getByLabel('Wie viele Meter lang soll das Halteverbot sein?');
  await laenge.fill('5');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#laenge-error')).toHaveText('Fehler: Das Halteverbot muss mindestens 10 Meter lang sein');
  await expectAccessible(page);
  await laenge.fill('15');

  // A week ahead is too soon to put up the signs.
  await continueTo(page, 'Wann brauchen Sie das Halteverbot?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(7));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(9));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#beginn-error')).toHaveText(
    'Fehler: Der erste Tag muss mindestens 2 Wochen in der Zukunft liegen, damit wir die Schilder rechtzeitig aufstellen können',
  );
  await expect(page.locator('#ende-error')).toHaveCount(0);
  await expectAccessible(page);
  // In 20 to 22 days: three days, both counted, worked out as the dates change.
  await fillDateIn(page, 'Erster Tag', daysFromToday(20));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(22));
  const tage = page.getByTestId('computed-tage');
  await expect(tage).toContainText('Anzahl der Tage');
  await expect(tage.locator('.computed__value')).toHaveText('3');
  await expect(page.locator('#beginn-error')).toHaveCount(0);

  await continueTo(page, 'Zu welchen Uhrzeiten brauchen Sie den Platz?');
  await page.getByLabel('Von', { exact: true }).fill('7.00');
  await page.getByLabel('Bis', { exact: true }).fill('18:00');

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Kampstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('Auf der Seite des Hauses');
  await expect(main).toContainText('Anzahl der Tage');
  // "7.00" is kept as the office reads it.
  await expect(main).toContainText('07:00');
  await expect(main).toContainText('18:00');
  // 45 € + 0,10 € × 3 days × 15 metres.
  await expect(page.locator('.fee__amount')).toHaveText('49,50\u00a0€');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig sind und dass ich das Halteverbot nur für den Umzug nutze.')
    .check();
  await sendAndPay(page, '49,50\u00a0€');
});
