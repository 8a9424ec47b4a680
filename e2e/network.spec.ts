// A connection that drops: the answer to "send" is lost after the office got it. The
// citizen sends again, and it is the same case — never a second one.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible, startApplication } from './helpers';

async function answerEverything(page: Page) {
  await startApplication(page);
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Bewerbung');
  await continueTo(page, 'Wie heißen Sie?');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await continueTo(page, 'Wann und wo sind Sie geboren?');
  await page.getByLabel('Tag').fill('1');
  await page.getByLabel('Monat').fill('2');
  await page.getByLabel('Jahr').fill('1980');
  await page.getByLabel('Geburtsort').fill('Essen');
  await continueTo(page, 'Welche Staatsangehörigkeit haben Sie?');
  await page.getByLabel('Welche Staatsangehörigkeit haben Sie?').fill('deutsch');
  await continueTo(page, 'Wo wohnen Sie?');
  await page.getByLabel('Straße und Hausnummer').fill('Markt 1');
  await page.getByLabel('Postleitzahl').fill('45127');
  await page.getByLabel('Ort', { exact: true }).fill('Essen');
  await continueTo(page, 'Zustellung');
  await page.getByLabel('An meine Wohnanschrift').check();
  await continueTo(page, 'E-Mail-Adresse (optional)');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
}

test('an answer lost on the way back: sending again gives the same case', async ({ page }) => {
  await answerEverything(page);
  let firstCase: string | undefined;
  let keys: string[] = [];
  await page.route('**/api/v1/applications', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (firstCase === undefined) {
      // The office gets the application; its answer never arrives.
      const response = await route.fetch();
      firstCase = (await response.json()).case_number;
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByRole('alert')).toContainText('Der Antrag konnte nicht gesendet werden');
  // Nothing typed is lost, and the citizen simply tries again.
  await expect(page.locator('main')).toContainText('Bewerbung');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Antrag gesendet');
  expect(firstCase).toMatch(/^\d{4}-/);
  await expect(page.getByTestId('case-number')).toHaveText(firstCase!);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
});

test('a service that cannot be loaded offers to try again', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/services/fuehrungszeugnis', async (route) => {
    if (failures-- > 0) {
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await page.goto('/services/fuehrungszeugnis');
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Führungszeugnis beantragen');
});
