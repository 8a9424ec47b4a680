// A device that refuses storage (disabled, full, some private modes) still gets
// through the wizard: answers are kept in memory between pages.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, startApplication } from './helpers';

test('the wizard works when the device refuses storage', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await startApplication(page);
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  // Said plainly, next to the form: nothing is lost while the page stays open.
  await expect(page.getByRole('alert')).toContainText(
    'Ihre Angaben konnten auf diesem Gerät nicht gespeichert werden (Speicher voll oder gesperrt).',
  );
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Ehrenamt');
  await continueTo(page, 'Wie heißen Sie?');
  await page.getByRole('link', { name: 'Zurück' }).click();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(page.getByLabel('Wofür brauchen Sie das Führungszeugnis?')).toHaveValue('Ehrenamt');
  await page.getByRole('link', { name: 'Zurück' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expect(page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)')).toBeChecked();
});
