// A simple register information about another person (§ 44 BMG): what the citizen knows
// of the person decides which pages follow, the day the person last lived at the known
// address cannot lie before the person's date of birth (a limit counted from another
// date), the fee is fixed, and a person never registered here or a request for
// advertising without consent ends on a stopping page.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDate, fillDateIn, sendAndPay, openService } from './helpers';

test('a private request for a former neighbour, after correcting the year he last lived there', async ({ page }) => {
  await openService(page, 'melderegisterauskunft', 'Melderegisterauskunft beantragen', '10,00 €');

  await arriveAt(page, 'Wohnt die gesuchte Person in Musterstadt oder hat sie zuletzt hier gewohnt?');
  await page.getByLabel('Ja', { exact: true }).check();

  // Private: neither the purpose nor advertising is asked.
  await continueTo(page, 'Zweck der Auskunft');
  await page.getByLabel('Nein', { exact: true }).check();
  await expect(page.getByText('Wofür brauchen Sie die Auskunft?')).toHaveCount(0);
  await expect(page.getByText('Verwenden Sie die Daten für Werbung oder Adresshandel?')).toHaveCount(0);

  await continueTo(page, 'Wen suchen Sie?');
  await page.getByLabel('Vornamen').fill('Thomas');
  // "Früherer Familienname (optional)" contains "Familienname" too.
  await page.getByLabel('Familienname', { exact: true }).fill('Schneider');
  await page.getByLabel('Das Geburtsdatum').check();
  await page.getByLabel('Eine frühere Anschrift in Musterstadt').check();

  // One page for each thing known.
  await continueTo(page, 'Wann ist die Person geboren?');
  await fillDate(page, '14', '5', '1985');

  // 1958 for 1985: before the birth, the author's words next to the question.
  await continueTo(page, 'Letzte bekannte Anschrift');
  await fillAddress(page, 'Hansastraße 5', '44137', 'Musterstadt');
  await fillDateIn(page, 'Wann hat die Person dort zuletzt gewohnt?', { day: '1', month: '6', year: '1958' });
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#zuletzt_dort-error')).toHaveText(
    'Fehler: Das Datum liegt vor dem Geburtsdatum der Person. Prüfen Sie das Jahr',
  );
  await expectAccessible(page);
  await fillDateIn(page, 'Wann hat die Person dort zuletzt gewohnt?', daysFromToday(-400));
  await expect(page.locator('#zuletzt_dort-error')).toHaveCount(0);

  // Not commercial: no company is asked.
  await continueTo(page, 'Ihre Angaben');
  await expect(page.getByText('Firma, Kanzlei oder Organisation')).toHaveCount(0);
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname', { exact: true }).fill('Mustermann');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Thomas');
  await expect(main).toContainText('Schneider');
  await expect(main).toContainText('Das Geburtsdatum, Eine frühere Anschrift in Musterstadt');
  await expect(main).toContainText('14. Mai 1985');
  await expect(main).toContainText('Hansastraße 5, 44137 Musterstadt');
  await expect(main).toContainText('Markt 1, 44135 Musterstadt');
  await expect(main).not.toContainText('Einwilligung der gesuchten Person');
  await expect(page.locator('.fee__amount')).toHaveText('10,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich verwende die Auskunft nur für den Zweck, für den ich sie beantrage, und für Werbung oder Adresshandel nur, wenn die gesuchte Person eingewilligt hat.',
    )
    .check();
  await sendAndPay(page, '10,00\u00a0€');
});

test('a person never registered here is asked about at another registration office', async ({ page }) => {
  await openService(page, 'melderegisterauskunft', 'Melderegisterauskunft beantragen');
  await arriveAt(page, 'Wohnt die gesuchte Person in Musterstadt oder hat sie zuletzt hier gewohnt?');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Wir können Ihnen über diese Person keine Auskunft geben');
  await expect(
    page.getByText('Eine Melderegisterauskunft gibt die Meldebehörde des Ortes, an dem die Person wohnt oder zuletzt gewohnt hat.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Meldebehörde des Wohnorts finden' })).toHaveAttribute(
    'href',
    'https://verwaltung.bund.de/',
  );
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});

test('addresses for advertising without the person\'s consent are refused', async ({ page }) => {
  await openService(page, 'melderegisterauskunft', 'Melderegisterauskunft beantragen');
  await arriveAt(page, 'Wohnt die gesuchte Person in Musterstadt oder hat sie zuletzt hier gewohnt?');
  await page.getByLabel('Ja', { exact: true }).check();

  // Commercial: the purpose and advertising are asked on the same page.
  await continueTo(page, 'Zweck der Auskunft');
  await page.getByRole('group', { name: 'Brauchen Sie die Auskunft für gewerbliche Zwecke?' }).getByLabel('Ja', { exact: true }).check();
  await page.getByLabel('Wofür brauchen Sie die Auskunft?').fill('Versand eines Katalogs an frühere Kundinnen und Kunden');
  await page
    .getByRole('group', { name: 'Verwenden Sie die Daten für Werbung oder Adresshandel?' })
    .getByLabel('Ja', { exact: true })
    .check();
  await page
    .getByRole('group', { name: 'Hat die gesuchte Person eingewilligt, dass Sie ihre Daten dafür bekommen?' })
    .getByLabel('Nein', { exact: true })
    .check();

  await continueTo(page, 'Für Werbung oder Adresshandel geben wir ohne Einwilligung keine Auskunft');
  await expect(page.getByRole('link', { name: '§ 44 Bundesmeldegesetz lesen' })).toHaveAttribute(
    'href',
    'https://www.gesetze-im-internet.de/bmg/__44.html',
  );
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
