// A connection that drops: the answer to "send" is lost after the office got it. The
// citizen sends again, and it is the same case — never a second one.
import { test, expect } from '@playwright/test';
import { answerEverything, arriveAt, expectAccessible, failOnce } from './helpers';

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
  await expect(page.getByRole('status').filter({ hasText: 'noch nicht gesendet' })).toContainText('wird automatisch gesendet');
  // Nothing typed is lost, and the citizen simply tries again.
  await expect(page.locator('main')).toContainText('Bewerbung');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  expect(firstCase).toMatch(/^\d{4}-/);
  await expect(page.getByTestId('case-number')).toHaveText(firstCase!);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
});

test('a service that cannot be loaded offers to try again', async ({ page }) => {
  await failOnce(page, '**/api/v1/services/fuehrungszeugnis');
  await page.goto('/services/fuehrungszeugnis');
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Führungszeugnis beantragen');
});
