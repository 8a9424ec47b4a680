// A house number for a new building: the plot is named by Gemarkung, Flur and
// Flurstück (a pattern), the building permit by its reference number (a pattern), the
// move-in counts from the start of construction, a site plan is uploaded, and the fee
// is 30 € for every house number. Without a planning application there is nothing to
// number yet (a stopping page).
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('two house numbers for a pair of semi-detached houses, after correcting the reference number', async ({ page }) => {
  await openService(page, 'hausnummer', 'Hausnummer beantragen', '30 € für jede Hausnummer. Zum Beispiel für ein Doppelhaus mit 2 Hausnummern: 60 €.');

  await arriveAt(page, 'Wie weit ist Ihr Bauvorhaben?');
  await page.getByLabel('Die Baugenehmigung liegt vor').check();

  await continueTo(page, 'Grundstück');
  await page.getByLabel('Straße', { exact: true }).fill('Am Feldrain');
  await page.getByLabel('Hausnummer eines Nachbarhauses').fill('12');
  await page.getByLabel('Gemarkung', { exact: true }).fill('Musterstadt-Nord');
  await page.getByLabel('Flur', { exact: true }).fill('3');
  await page.getByLabel('Flurstück', { exact: true }).fill('123/4');

  // The reference number typed with slashes: the author's words, next to the question.
  await continueTo(page, 'Das Gebäude');
  const aktenzeichen = page.getByLabel('Aktenzeichen der Bauaufsicht');
  await aktenzeichen.fill('63/01234/2025');
  await page.getByLabel('Doppelhaus', { exact: true }).check();
  await page.getByLabel('Wie viele Hausnummern brauchen Sie?').fill('2');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#aktenzeichen-error')).toHaveText(
    'Fehler: Geben Sie das Aktenzeichen so ein, wie es auf dem Schreiben der Bauaufsicht steht: 63, 5 Ziffern und das Jahr, mit Bindestrichen, zum Beispiel 63-01234-2025',
  );
  await expect(aktenzeichen).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#anzahl_nummern-error')).toHaveCount(0);
  await expectAccessible(page);
  await aktenzeichen.fill('63-01234-2025');

  // Construction began three weeks ago; the move-in is in about seven months.
  await continueTo(page, 'Wann wird gebaut?');
  await fillDateIn(page, 'Baubeginn', daysFromToday(-21));
  await fillDateIn(page, 'Voraussichtlicher Einzug', daysFromToday(210));

  await continueTo(page, 'Laden Sie den Lageplan hoch');
  await page.getByLabel('Laden Sie den Lageplan hoch').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  // The owner applies: no owner's name and address to give. The telephone is optional.
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Ich bin Eigentümerin oder Eigentümer des Grundstücks').check();
  await expect(page.getByLabel('Name der Eigentümerin oder des Eigentümers')).toHaveCount(0);
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Die Baugenehmigung liegt vor');
  await expect(main).toContainText('Am Feldrain');
  await expect(main).toContainText('Musterstadt-Nord');
  await expect(main).toContainText('123/4');
  await expect(main).toContainText('63-01234-2025');
  await expect(main).toContainText('Doppelhaus');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('Ich bin Eigentümerin oder Eigentümer des Grundstücks');
  // 30 € for each of the two house numbers.
  await expect(page.locator('.fee__amount')).toHaveText('60,00\u00a0€');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig sind und dass ich den Antrag für dieses Grundstück stellen darf.')
    .check();
  await sendAndPay(page, '60,00\u00a0€');
});

test('without a planning application the number cannot be applied for yet', async ({ page }) => {
  await openService(page, 'hausnummer', 'Hausnummer beantragen');
  await arriveAt(page, 'Wie weit ist Ihr Bauvorhaben?');
  await page.getByLabel('Ich habe noch keinen Bauantrag gestellt').check();

  await continueTo(page, 'Stellen Sie zuerst den Bauantrag');
  await expect(page.getByText(/Oft teilen wir Ihnen die Hausnummer dann schon mit der Baugenehmigung mit/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Bauantrag stellen', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/services/bauantrag');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
