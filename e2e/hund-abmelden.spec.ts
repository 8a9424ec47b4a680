// Deregistering a dog: the tax tag number has a shape (a pattern), a dog given away asks
// for the new owner, and a dog never registered here ends on a stopping page.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

test('deregister a dog given away, after correcting the tag number', async ({ page }) => {
  await openService(page, 'hund-abmelden', 'Hund abmelden', 'gebührenfrei');
  await arriveAt(page, 'Ist der Hund in Musterstadt zur Hundesteuer angemeldet?');
  await page.getByLabel('Ja').check();

  await continueTo(page, 'Ihr Hund');
  await expect(page.getByRole('heading', { name: 'Steuermarke zurückgeben' })).toBeVisible();
  await page.getByLabel('Name des Hundes').fill('Bello');
  // Not the shape of a tag number: the author's words, next to the question.
  await page.getByLabel('Nummer der Steuermarke').fill('12a');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#steuermarke-error')).toHaveText(
    'Fehler: Die Nummer der Steuermarke hat 4 bis 6 Ziffern, zum Beispiel 004711',
  );
  await expect(page.getByLabel('Nummer der Steuermarke')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Nummer der Steuermarke').fill('004711');
  await expect(page.locator('#steuermarke-error')).toHaveCount(0);

  // Given away ten days ago: the new owner is asked on a page of its own.
  await continueTo(page, 'Abmeldung');
  await page.getByLabel('Ich habe den Hund abgegeben').check();
  await expect(page.getByText('Ihre neue Anschrift')).toHaveCount(0);
  await fillDateIn(page, 'An welchem Tag war das?', daysFromToday(-10));
  await continueTo(page, 'Neue Halterin oder neuer Halter');
  await page.getByLabel('Vor- und Familienname').fill('Jonas Becker');
  await fillAddress(page, 'Kampstraße 12', '44137', 'Musterstadt');

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('Vornamen').fill('Erika');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'IBAN für eine Erstattung (optional)');
  await page.getByLabel('IBAN für eine Erstattung').fill('DE89 3704 0044 0532 0130 00');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('004711');
  await expect(main).toContainText('Ich habe den Hund abgegeben');
  await expect(main).toContainText('Jonas Becker');
  await expect(main).toContainText('Kampstraße 12, 44137 Musterstadt');
  await expect(page.locator('.fee__amount')).toHaveCount(0);
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await sendAndPay(page);
});

test('a dog not registered here cannot be deregistered', async ({ page }) => {
  await openService(page, 'hund-abmelden', 'Hund abmelden');
  await arriveAt(page, 'Ist der Hund in Musterstadt zur Hundesteuer angemeldet?');
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Nur angemeldete Hunde können abgemeldet werden');
  const link = page.getByRole('link', { name: 'Hund anmelden', exact: true });
  await expect(link).toHaveAttribute('href', '/services/hundesteuer');
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
});
