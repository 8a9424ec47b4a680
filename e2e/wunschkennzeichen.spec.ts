// A personalised number plate: letters and digits each have a shape (a pattern), the
// fee is fixed.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible, sendAndPay, openService } from './helpers';

test('reserve MS-AB 123 for a car, after correcting the letters', async ({ page }) => {
  await openService(page, 'wunschkennzeichen', 'Wunschkennzeichen reservieren', '12,80 €');

  await arriveAt(page, 'Für welches Fahrzeug ist das Kennzeichen?');
  await page.getByLabel('Pkw', { exact: true }).check();

  await continueTo(page, 'Ihr Wunschkennzeichen');
  await expect(page.getByText(/Ihr Kennzeichen beginnt mit MS für Musterstadt/)).toBeVisible();
  // Four letters do not fit after MS: the author's words, next to the question.
  await page.getByLabel('Buchstaben').fill('ABCD');
  await page.getByLabel('Ziffern').fill('123');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#buchstaben-error')).toHaveText('Fehler: Geben Sie 1 oder 2 Buchstaben ein, zum Beispiel AB');
  await expect(page.getByLabel('Buchstaben')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#ziffern-error')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Buchstaben').fill('AB');

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Pkw');
  await expect(main).toContainText('AB');
  await expect(main).toContainText('123');
  await expect(page.locator('.fee__amount')).toHaveText('12,80\u00a0€');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await sendAndPay(page, '12,80\u00a0€');
});
