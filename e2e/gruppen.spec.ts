// A repeatable group with a maximum (test-only service): an item asks what an earlier
// answer calls for, the maximum ends the "another?" question, a step appears once the
// group has two items, and the fee counts them.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible } from './helpers';

test('a group up to its maximum, with what depends on it', async ({ page }) => {
  await page.goto('/services/gruppen-test/apply/start');
  await arriveAt(page, 'Ist es eilig?');
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Ihre Kinder');
  // How many children decides whether a step for siblings follows: no total yet.
  await expect(page.locator('.caption')).toHaveText(/· Schritt 2$/);
  await page.getByLabel('Ja').check();

  // Inside the item, the question that depends on an answer given before the group.
  await continueTo(page, 'Kind 1');
  await page.getByLabel('Name des Kindes').fill('Anna');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#kind_grund-error')).toHaveText('Fehler: Geben Sie „Warum eilig?“ an');
  await expectAccessible(page);
  await page.getByLabel('Warum eilig?').fill('Schulbeginn');
  await continueTo(page, 'Ihre Kinder');
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Kind 2');
  await page.getByLabel('Name des Kindes').fill('Ben');
  await page.getByLabel('Warum eilig?').fill('Schulbeginn');
  await continueTo(page, 'Ihre Kinder');

  // Two of two: no more "another?", and the step for siblings is now part of the way.
  await expect(page.getByText('Sie haben die Höchstzahl von 2 erreicht.')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByText('Schritt 2 von 3')).toBeVisible();
  await expectAccessible(page);
  await continueTo(page, 'Gehen die Kinder in dieselbe Schule?');
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  // 10 € + 5 € for the children, 20 € for urgency.
  await expect(page.locator('.fee__amount')).toHaveText('35,00\u00a0€');

  // Removing a child hides the siblings' step again; the check page follows.
  await page.getByRole('link', { name: 'Ändern Ihre Kinder' }).click();
  await arriveAt(page, 'Ihre Kinder');
  await page.getByRole('button', { name: 'Entfernen Kind 2' }).click();
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('main')).not.toContainText('Gehen die Kinder in dieselbe Schule?');
  await expect(page.locator('.fee__amount')).toHaveText('30,00\u00a0€');
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
});
