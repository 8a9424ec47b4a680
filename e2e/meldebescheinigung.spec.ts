// Requesting certificates of registration for oneself and a family member (a repeatable
// group that counts in the fee), delivered as a PDF by email.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, fillAddress, fillDate, sendAndPay, openService } from './helpers';

test('request extended certificates for myself and my child, as PDF files', async ({ page }) => {
  await openService(page, 'meldebescheinigung', 'Meldebescheinigung beantragen', '5 € je Meldebescheinigung. Jede Person bekommt eine eigene.');

  await arriveAt(page, 'Sind Sie in Musterstadt gemeldet?');
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, 'Welche Meldebescheinigung brauchen Sie?');
  await page.getByLabel('Erweiterte Meldebescheinigung').check();
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDate(page, '12', '8', '1964');
  await continueTo(page, 'Wo wohnen Sie in Musterstadt?');
  await fillAddress(page, 'Markt 1', '44135', 'Musterstadt');
  await continueTo(page, 'Für wen brauchen Sie eine Meldebescheinigung?');
  await page.getByLabel('Für mich und Familienangehörige, die mit mir zusammen wohnen').check();

  // The group needs at least one person: its first person's questions come first.
  await continueTo(page, 'Person 1');
  await page.getByLabel('Vornamen').fill('Lena');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDate(page, '5', '6', '2015');
  await continueTo(page, 'Familienangehörige');
  await expect(page.locator('.summary-list')).toContainText('Person 1: Lena');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Wie möchten Sie die Meldebescheinigung bekommen?');
  await page.getByLabel('Als PDF-Datei per E-Mail').check();
  await continueTo(page, 'E-Mail-Adresse');
  await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Person 1' })).toBeVisible();
  await expect(main).toContainText('Markt 1, 44135 Musterstadt');
  // 5 € for my certificate, 5 € for Lena's.
  await expect(page.locator('.fee__amount')).toHaveText('10,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Für andere Personen beantrage ich nur dann eine Meldebescheinigung, wenn sie zu meiner Familie gehören und mit mir zusammen wohnen.',
    )
    .check();
  await sendAndPay(page, '10,00\u00a0€');
});
