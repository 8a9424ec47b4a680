// Keyboard alone, and a 320 px wide screen: the same journey must work for both.
import { test, expect } from '@playwright/test';
import { arriveAt, expectAccessible, logInForFuehrungszeugnis, openService } from './helpers';

test('the first steps work with the keyboard alone', async ({ page }) => {
  // The Führungszeugnis needs the online ID: logged in first (the provider's page is
  // not the app's).
  await logInForFuehrungszeugnis(page);
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  // The skip link is the first stop and leads to the page's heading.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Follow the service link by keyboard.
  await page.getByRole('link', { name: 'Führungszeugnis beantragen' }).focus();
  await page.keyboard.press('Enter');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).focus();
  await page.keyboard.press('Enter');
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Into the radio group, choose with the arrow keys, send with Enter.
  await page.keyboard.press('Tab');
  await expect(page.locator('#kind')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Zur Vorlage bei einer Behörde (Belegart O)')).toBeChecked();
  await page.keyboard.press('Enter');
  await arriveAt(page, 'An welche Behörde soll das Führungszeugnis gehen?');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('nothing scrolls sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const noSidewaysScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await noSidewaysScroll();
  await logInForFuehrungszeugnis(page);
  await noSidewaysScroll();
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await noSidewaysScroll();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await noSidewaysScroll();
  await page.goto('/services/fuehrungszeugnis/apply/geburt');
  await arriveAt(page, 'Wann und wo sind Sie geboren?');
  await noSidewaysScroll();
  await page.goto('/status');
  await arriveAt(page, 'Stand Ihres Antrags');
  await noSidewaysScroll();
  await expectAccessible(page);
});

test('the new kinds of question fit 320 px and work with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const noSidewaysScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Files, an information text and a long hint.
  await page.goto('/services/bauantrag/apply/unterlagen');
  await arriveAt(page, 'Bauvorlagen');
  await noSidewaysScroll();
  await openService(page, 'gewerbeanmeldung', 'Gewerbe anmelden');
  await arriveAt(page, 'Anlass');
  await noSidewaysScroll();
  // Radios, then the date boxes, by keyboard alone.
  await page.locator('#anlass').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Ich gründe einen neuen Betrieb')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await page.keyboard.press('Enter');
  await arriveAt(page, 'Betrieb');
  await noSidewaysScroll();
  // A drop-down and an address by keyboard.
  await page.locator('#rechtsform').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#rechtsform')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await noSidewaysScroll();
  await expectAccessible(page);
});
