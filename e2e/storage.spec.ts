// A device that refuses storage (disabled, full, some private modes) still gets
// through the wizard: answers are kept in memory between pages. It never says
// "Gespeichert" then, and a confirmation it could not keep says so, with print and copy.
import { test, expect, type Page } from '@playwright/test';
import { answerEverything, arriveAt, continueTo, expectAccessible, startApplication } from './helpers';

/** Fills local storage to its quota, as a device that is full. */
async function fillStorage(page: Page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 16; ) {
      try {
        localStorage.setItem(`junk.${n++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

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
  // The next page does not claim what the device refused.
  await expect(page.getByRole('alert')).toContainText('konnten auf diesem Gerät nicht gespeichert werden');
  await expect(page.getByTestId('save-status')).toHaveCount(0);
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Ehrenamt');
  await continueTo(page, 'Wie heißen Sie?');
  await page.getByRole('link', { name: 'Zurück' }).click();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(page.getByLabel('Wofür brauchen Sie das Führungszeugnis?')).toHaveValue('Ehrenamt');
  await page.getByRole('link', { name: 'Zurück' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expect(page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)')).toBeChecked();
});

test('storage full when sending: the confirmation says to note the codes, and offers print and copy', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await answerEverything(page);
  await fillStorage(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  const caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
  const accessCode = (await page.getByTestId('access-code').textContent())!.trim();
  const warning = page.getByTestId('not-kept');
  await expect(warning.getByRole('alert')).toHaveText(
    'Notieren Sie Vorgangsnummer und Zugangscode – dieses Gerät konnte sie nicht speichern.',
  );
  await expect(warning.getByRole('button', { name: 'Seite drucken' })).toBeVisible();
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'Nummer und Code kopieren' }).click();
  await expect(warning.getByRole('status')).toHaveText('Vorgangsnummer und Zugangscode sind kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `Vorgangsnummer: ${caseNumber}, Zugangscode: ${accessCode}`,
  );
  // Rightly said: after a reload this device knows nothing of it.
  await page.reload();
  await arriveAt(page, 'Stand Ihres Antrags');
  await expect(page.getByText('Zu dieser Vorgangsnummer ist auf diesem Gerät nichts gespeichert.')).toBeVisible();
});

