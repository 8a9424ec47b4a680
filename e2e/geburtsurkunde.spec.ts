// Ordering a birth certificate: a fee per additional copy, and a stopping page for a
// birth outside Musterstadt (only the registry office of the place of birth issues it).
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, fillAddress, fillDate, sendAndPay, openService } from './helpers';

test('order a birth certificate for myself with two additional copies', async ({ page }) => {
  await openService(page, 'geburtsurkunde', 'Geburtsurkunde bestellen', '12 € für die Urkunde, 6 € für jedes weitere Exemplar.');

  await arriveAt(page, 'Wurde die Person in Musterstadt geboren?');
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, 'Für wen bestellen Sie die Geburtsurkunde?');
  await page.getByLabel('Für mich selbst').check();
  // For oneself no proof is asked: straight on to the name at birth.
  await continueTo(page, 'Name bei der Geburt');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname bei der Geburt').fill('Gabler');
  await continueTo(page, 'Wann wurde die Person geboren?');
  await fillDate(page, '12', '8', '1964');
  // The parents' names are optional: left empty.
  await continueTo(page, 'Wie heißen die Eltern?');
  await continueTo(page, 'Welche Urkunde brauchen Sie?');
  await page.getByLabel('Geburtsurkunde', { exact: true }).check();
  await continueTo(page, 'Wie viele weitere Exemplare brauchen Sie?');
  await page.getByLabel('Wie viele weitere Exemplare brauchen Sie?').fill('2');
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await continueTo(page, 'Versand');
  await page.getByLabel('An meine Anschrift').check();
  await continueTo(page, 'E-Mail-Adresse');
  await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  // 12 € for the certificate, 2 × 6 € for the additional copies.
  await expect(page.locator('.fee__amount')).toHaveText('24,00\u00a0€');
  const main = page.locator('main');
  await expect(main).toContainText('Gabler');
  await expect(main).toContainText('Markt 1, 44135 Musterstadt');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig sind und dass ich diese Urkunde bekommen darf.')
    .check();
  await sendAndPay(page, '24,00\u00a0€');
});

test('a birth outside Musterstadt ends on a stopping page', async ({ page }) => {
  await openService(page, 'geburtsurkunde', 'Geburtsurkunde bestellen');
  await arriveAt(page, 'Wurde die Person in Musterstadt geboren?');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Wir können diese Geburtsurkunde nicht ausstellen');
  await expect(
    page.getByText('Eine Geburtsurkunde stellt nur das Standesamt des Ortes aus, an dem die Person geboren wurde.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zuständiges Standesamt finden' })).toHaveAttribute(
    'href',
    'https://verwaltung.bund.de/',
  );
  // Nothing to go on with.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
