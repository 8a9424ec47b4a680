// Tables and chairs in front of a café (Sondernutzungserlaubnis für Außengastronomie):
// the premises must lie in Musterstadt (postcodes), at least 1,50 m of pavement must
// stay free for pedestrians (a decimal with a minimum and the author's own message),
// "Nichts davon" is ticked alone, the first day lies at least 14 days ahead (a limit
// counted from today), a site plan is uploaded, the reminder is an optional consent,
// and the fee is 30 € plus square metres × months × the zone's rate (3,00 € in zone A,
// 1,50 € in zone B). Private ground and patio heaters end the wizard (stopping pages).
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('10 m² in the city centre for 7 months, after correcting a footpath left too narrow', async ({ page }) => {
  await openService(page, 'aussengastronomie', 'Tische und Stühle vor dem Lokal aufstellen (Außengastronomie)', /30 € Bearbeitungsgebühr und eine Sondernutzungsgebühr je Quadratmeter und Monat/);

  await arriveAt(page, 'Wo möchten Sie Tische und Stühle aufstellen?');
  await page.getByLabel('Auf dem Gehweg vor meinem Lokal').check();

  await continueTo(page, 'Möchten Sie Heizpilze oder Heizstrahler aufstellen?');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Ihr Lokal');
  await page.getByLabel('Name des Lokals', { exact: true }).fill('Café Kleine Pause');
  await fillAddress(page, 'Kampstraße 12', '44137', 'Musterstadt');
  await page.getByLabel('Mit einer Gaststättenerlaubnis').check();
  await page.getByLabel('Aktenzeichen der Gaststättenerlaubnis oder Gewerbeanmeldung').fill('32-GA-2024-0815');

  await continueTo(page, 'In welcher Gebührenzone liegt Ihr Lokal?');
  await page.getByLabel('Zone A: Innenstadt', { exact: true }).check();

  // 2,50 m deep leaves 1,20 m of pavement: the author's words, next to the question.
  await continueTo(page, 'Die Fläche');
  await page.getByLabel('Länge entlang der Hauswand').fill('5');
  const tiefe = page.getByLabel('Tiefe in den Gehweg hinein');
  const flaeche = page.getByLabel('Fläche in Quadratmetern');
  const restgehweg = page.getByLabel('Wie viele Meter Gehweg bleiben für Fußgänger frei?');
  await tiefe.fill('2,5');
  await flaeche.fill('12,5');
  await restgehweg.fill('1,2');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#restgehweg-error')).toHaveText(
    'Fehler: Für Fußgänger müssen mindestens 1,50 Meter Gehweg frei bleiben. Planen Sie Ihre Fläche weniger tief',
  );
  await expect(restgehweg).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#laenge-error')).toHaveCount(0);
  await expect(page.locator('#tiefe-error')).toHaveCount(0);
  await expect(page.locator('#flaeche-error')).toHaveCount(0);
  await expectAccessible(page);
  // 2 m deep: 10 m² and 1,70 m left for pedestrians.
  await tiefe.fill('2');
  await flaeche.fill('10');
  await restgehweg.fill('1,7');

  // "Nichts davon" is ticked alone.
  await continueTo(page, 'Tische, Stühle und mehr');
  await page.getByLabel('Wie viele Tische stellen Sie auf?').fill('4');
  await page.getByLabel('Wie viele Stühle oder Sitzplätze auf Bänken stellen Sie auf?').fill('12');
  const schirme = page.getByRole('checkbox', { name: 'Sonnenschirme' });
  const nichts = page.getByRole('checkbox', { name: 'Nichts davon' });
  await schirme.check();
  await nichts.check();
  await expect(schirme).not.toBeChecked();
  await schirme.check();
  await expect(nichts).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Pflanzkübel' }).check();

  // Three weeks from today, for the summer season of 7 months.
  await continueTo(page, 'Zeitraum');
  await fillDateIn(page, 'Ab wann möchten Sie Tische und Stühle aufstellen?', daysFromToday(21));
  await page.getByLabel('Für wie viele Monate?').fill('7');

  await continueTo(page, 'Laden Sie einen Lageplan der Fläche hoch');
  await page.getByLabel('Laden Sie einen Lageplan der Fläche hoch').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Aylin');
  await page.getByLabel('Familienname').fill('Demir');
  await page.getByLabel('E-Mail-Adresse').fill('info@cafe-kleine-pause.example');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');
  // An optional consent: the label ends in "(optional)".
  const erinnerung = page.getByLabel(/bevor meine Erlaubnis abläuft\. \(optional\)/);
  await erinnerung.check();
  await expect(erinnerung).toBeChecked();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Auf dem Gehweg vor meinem Lokal');
  await expect(main).toContainText('Café Kleine Pause');
  await expect(main).toContainText('Kampstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('Mit einer Gaststättenerlaubnis');
  await expect(main).toContainText('32-GA-2024-0815');
  await expect(main).toContainText('Zone A: Innenstadt');
  await expect(main).toContainText('Sonnenschirme, Pflanzkübel');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('info@cafe-kleine-pause.example');
  // 30 € + 3,00 € × 10 m² × 7 months.
  await expect(page.locator('.fee__amount')).toHaveText('240,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich stelle Tische und Stühle erst mit der Erlaubnis und nur auf der erlaubten Fläche auf und halte mindestens 1,50 Meter Gehweg für Fußgänger frei.',
    )
    .check();
  await sendAndPay(page, '240,00\u00a0€');
});

test('patio heaters are not allowed on public ground', async ({ page }) => {
  await openService(page, 'aussengastronomie', 'Tische und Stühle vor dem Lokal aufstellen (Außengastronomie)');
  await arriveAt(page, 'Wo möchten Sie Tische und Stühle aufstellen?');
  await page.getByLabel('In einer Fußgängerzone oder auf einem Platz').check();
  await continueTo(page, 'Möchten Sie Heizpilze oder Heizstrahler aufstellen?');
  await page.getByLabel('Ja', { exact: true }).check();

  await continueTo(page, 'Heizpilze und Heizstrahler sind nicht erlaubt');
  await expect(page.getByText(/Decken, Sitzkissen und ein Windschutz sind erlaubt/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Kontakt zum Tiefbauamt', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.musterstadt.de/tiefbauamt');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
