// Registering a flea market: the first day counts from today (at least four weeks
// ahead), the last from the first, the number of days is worked out on the page, the
// fee grows with stalls and days on public land, and commercial traders on a Sunday or
// public holiday are sent to the Marktfestsetzung instead (a stopping page).
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('a street flea market with 20 stalls for one day, after correcting a first day too soon', async ({ page }) => {
  await openService(page, 'flohmarkt', 'Flohmarkt anmelden', /25 € Verwaltungsgebühr\. Auf einer öffentlichen Fläche kommen 2 € Sondernutzungsgebühr je Stand und Tag dazu/);

  await arriveAt(page, 'Wer veranstaltet den Flohmarkt?');
  await page.getByLabel('Ich als Privatperson').check();

  await continueTo(page, 'Ort des Flohmarkts');
  await page.getByLabel('Auf einer öffentlichen Fläche').check();
  // Only asked for a private property.
  await expect(page.getByRole('group', { name: 'Gehört Ihnen das Grundstück?' })).toHaveCount(0);
  await fillAddress(page, 'Lindenstraße 12', '44137', 'Musterstadt');
  await page.getByLabel('Genaue Lage').fill('Gehweg auf beiden Seiten bis Hausnummer 40');

  // Two weeks ahead is too soon to check the registration.
  await continueTo(page, 'Wann findet der Flohmarkt statt?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(14));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(14));
  await page.getByLabel('Nein', { exact: true }).check();
  await page.getByLabel('Von', { exact: true }).fill('10:00');
  await page.getByLabel('Bis', { exact: true }).fill('16:00');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#beginn-error')).toHaveText(
    'Fehler: Der erste Tag muss mindestens 4 Wochen in der Zukunft liegen, damit wir Ihre Anmeldung rechtzeitig prüfen können',
  );
  await expect(page.locator('#ende-error')).toHaveCount(0);
  await expectAccessible(page);
  // In five weeks, on one day: both days counted, worked out as the dates change.
  await fillDateIn(page, 'Erster Tag', daysFromToday(35));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(35));
  const tage = page.getByTestId('computed-tage');
  await expect(tage).toContainText('Anzahl der Tage');
  await expect(tage.locator('.computed__value')).toHaveText('1');
  await expect(page.locator('#beginn-error')).toHaveCount(0);

  await continueTo(page, 'Verkauf und Stände');
  await page.getByLabel('Nur Privatleute').check();
  await page.getByLabel('Wie viele Stände wird es ungefähr geben?').fill('20');

  // On public land the office needs a sketch of the stalls.
  await continueTo(page, 'Laden Sie eine Skizze mit der Lage der Stände hoch');
  await page
    .getByLabel('Laden Sie eine Skizze mit der Lage der Stände hoch')
    .setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Lindenstraße 14', '44137', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Ich als Privatperson');
  await expect(main).toContainText('Auf einer öffentlichen Fläche');
  await expect(main).toContainText('Lindenstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('Gehweg auf beiden Seiten bis Hausnummer 40');
  await expect(main).toContainText('Anzahl der Tage');
  await expect(main).toContainText('10:00');
  await expect(main).toContainText('16:00');
  await expect(main).toContainText('Nur Privatleute');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('Lindenstraße 14, 44137 Musterstadt');
  // 25 € + 2 € × 20 stalls × 1 day.
  await expect(page.locator('.fee__amount')).toHaveText('65,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich sorge dafür, dass Rettungswege frei bleiben und die Fläche nach dem Flohmarkt sauber ist.',
    )
    .check();
  await sendAndPay(page, '65,00\u00a0€');
});

test('commercial traders on a Sunday are sent to the Marktfestsetzung instead', async ({ page }) => {
  await openService(page, 'flohmarkt', 'Flohmarkt anmelden');
  await arriveAt(page, 'Wer veranstaltet den Flohmarkt?');
  await page.getByLabel('Ich als Privatperson').check();

  // A private property of one's own: asked, and no consent to upload.
  await continueTo(page, 'Ort des Flohmarkts');
  await page.getByLabel('Auf einem privaten Grundstück').check();
  await page.getByRole('group', { name: 'Gehört Ihnen das Grundstück?' }).getByLabel('Ja', { exact: true }).check();
  await fillAddress(page, 'Hafenstraße 7', '44147', 'Musterstadt');

  await continueTo(page, 'Wann findet der Flohmarkt statt?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(40));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(41));
  await page.getByRole('group', { name: 'Ist einer der Tage ein Sonntag oder Feiertag?' }).getByLabel('Ja', { exact: true }).check();
  await page.getByLabel('Von', { exact: true }).fill('11:00');
  await page.getByLabel('Bis', { exact: true }).fill('17:00');

  await continueTo(page, 'Verkauf und Stände');
  await page.getByLabel('Auch gewerbliche Händlerinnen und Händler').check();
  await page.getByLabel('Wie viele Stände wird es ungefähr geben?').fill('30');

  await continueTo(page, 'Mit gewerblichen Händlern ist ein Flohmarkt an Sonn- und Feiertagen nicht erlaubt');
  await expect(page.getByText(/nur auf einem Markt verkaufen, den das Ordnungsamt festgesetzt hat/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Informationen zur Marktfestsetzung', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/flohmarkt');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
