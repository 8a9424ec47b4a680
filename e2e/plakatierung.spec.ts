// Posters on lamp posts (Plakatierungserlaubnis): the posters may go up at most 14 days
// before the first day of the event and must come down at most 3 days after its last
// day (limits counted from dates asked on the page before), the days with posters are
// worked out on the page, the districts are a multiple choice, the poster is uploaded,
// and the fee is a processing fee plus a fee per poster. Roads outside the town signs
// belong to Straßen.NRW (a stopping page).
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('60 posters for a two-day festival in two districts, after correcting a day to take them down too late', async ({
  page,
}) => {
  await openService(page, 'plakatierung', 'Plakate aufhängen (Plakatierungserlaubnis)', /30 € Bearbeitungsgebühr und 0,50 € je Plakat/);

  await arriveAt(page, 'Wo möchten Sie die Plakate aufhängen?');
  await page.getByLabel('An Laternen an Straßen in Musterstadt').check();

  await continueTo(page, 'Wofür möchten Sie Plakate aufhängen?');
  await page.getByLabel('Für eine Veranstaltung', { exact: true }).check();

  // The festival in 30 and 31 days: at least 3 weeks ahead.
  await continueTo(page, 'Ihre Veranstaltung');
  await page.getByLabel('Name der Veranstaltung', { exact: true }).fill('Sommerfest Hörde');
  await page.getByLabel('Veranstalter', { exact: true }).fill('Kulturverein Hörde e. V.');
  await page.getByLabel('Wo findet die Veranstaltung statt?').fill('Phoenix-See, Seepromenade');
  await fillDateIn(page, 'Erster Tag der Veranstaltung', daysFromToday(30));
  await fillDateIn(page, 'Letzter Tag der Veranstaltung', daysFromToday(31));
  await expect(page.getByLabel('Aktenzeichen der Veranstaltungsanmeldung (optional)')).toBeVisible();

  // Taking the posters down 5 days after the last day is 2 days too late: the author's
  // words, next to the question.
  await continueTo(page, 'Wann sollen die Plakate hängen?');
  await fillDateIn(page, 'Ab wann hängen Sie die Plakate auf?', daysFromToday(18));
  await fillDateIn(page, 'Bis wann nehmen Sie die Plakate wieder ab?', daysFromToday(36));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#plakat_ende-error')).toHaveText(
    'Fehler: Nehmen Sie die Plakate spätestens 3 Tage nach dem letzten Tag der Veranstaltung ab. Geben Sie einen früheren Tag ein',
  );
  await expect(page.locator('#plakat_beginn-error')).toHaveCount(0);
  await expectAccessible(page);
  // 12 days before the festival until 2 days after it: sixteen days, both counted.
  await fillDateIn(page, 'Bis wann nehmen Sie die Plakate wieder ab?', daysFromToday(33));
  const tage = page.getByTestId('computed-plakat_tage');
  await expect(tage).toContainText('Anzahl der Tage mit Plakaten');
  await expect(tage.locator('.computed__value')).toHaveText('16');
  await expect(page.locator('#plakat_ende-error')).toHaveCount(0);

  await continueTo(page, 'Ihre Plakate');
  await page.getByRole('checkbox', { name: 'Hörde', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Aplerbeck', exact: true }).check();
  await page.getByLabel('Wie viele Plakate möchten Sie insgesamt aufhängen?').fill('60');
  await page.getByLabel('DIN A1', { exact: true }).check();
  await page.getByLabel('Laden Sie Ihr Plakat hoch').setInputFiles(join(fixtures, 'foto.png'));
  await expect(page.getByText('Hochgeladen: foto.png')).toBeVisible();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Hermannstraße 21', '44263', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('An Laternen an Straßen in Musterstadt');
  await expect(main).toContainText('Für eine Veranstaltung');
  await expect(main).toContainText('Sommerfest Hörde');
  await expect(main).toContainText('Kulturverein Hörde e. V.');
  await expect(main).toContainText('Phoenix-See, Seepromenade');
  await expect(main).toContainText('Anzahl der Tage mit Plakaten');
  await expect(main).toContainText('Aplerbeck');
  await expect(main).toContainText('DIN A1');
  await expect(main).toContainText('foto.png');
  await expect(main).toContainText('Hermannstraße 21, 44263 Musterstadt');
  // 30 € + 0,50 € × 60 posters.
  await expect(page.locator('.fee__amount')).toHaveText('60,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich hänge die Plakate erst mit der Erlaubnis und nur an erlaubten Stellen auf und nehme sie rechtzeitig wieder ab.',
    )
    .check();
  await sendAndPay(page, '60,00\u00a0€');
});

test('posters on roads outside the town signs are for Straßen.NRW', async ({ page }) => {
  await openService(page, 'plakatierung', 'Plakate aufhängen (Plakatierungserlaubnis)');
  await arriveAt(page, 'Wo möchten Sie die Plakate aufhängen?');
  await page.getByLabel('An Bundes- oder Landesstraßen außerhalb der Ortsschilder').check();

  await continueTo(page, 'Für Straßen außerhalb der Ortschaften ist Straßen.NRW zuständig');
  await expect(page.getByText(/erteilt der Landesbetrieb Straßenbau NRW/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Zu Straßen.NRW', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.strassen.nrw.de');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
