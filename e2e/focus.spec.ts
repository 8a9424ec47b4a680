// Every change of page inside the app moves keyboard focus to the new page's h1 (or its
// error summary), as a page load would for a screen reader: for every kind of page,
// reached by a link, a button, the back button, and with its code slow to arrive.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, continueTo, expectFocusOnHeading, logInForFuehrungszeugnis } from './helpers';

async function arriveFocused(page: Page, heading: string | RegExp) {
  await arriveAt(page, heading);
  await expectFocusOnHeading(page);
}

test('the catalogue, a start page and the frame’s pages', async ({ page }) => {
  // The wizard's module (with the start page) arrives slowly, as on a bad connection:
  // focus must still reach the heading once it is there.
  await page.route('**/split_deferred-*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await logInForFuehrungszeugnis(page);
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Führungszeugnis beantragen' }).click();
  await arriveFocused(page, 'Führungszeugnis beantragen');
  // The first Tab from the heading goes into the page, not to the footer.
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null))
    .toBe(true);

  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveFocused(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await page.getByRole('link', { name: 'Zurück' }).click();
  await arriveFocused(page, 'Führungszeugnis beantragen');
  // The browser's back and forward buttons are changes of page too.
  await page.goBack();
  await arriveFocused(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.goForward();
  await arriveFocused(page, 'Führungszeugnis beantragen');

  // A draft exists now: the start page offers to continue it.
  await page.getByRole('button', { name: 'Weitermachen' }).click();
  await arriveFocused(page, 'Welches Führungszeugnis brauchen Sie?');

  // The header's links and the footer's: focus leaves the link for the new heading.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Status', exact: true }).click();
  await arriveFocused(page, /Antrag/);
  await nav.getByRole('link', { name: 'Meine Anträge' }).click();
  await arriveFocused(page, 'Meine Anträge');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Daten auf diesem Gerät' }).click();
  await arriveFocused(page, 'Daten auf diesem Gerät');
  await nav.getByRole('link', { name: 'Leistungen', exact: true }).click();
  await arriveFocused(page, 'Dienstleistungen online beantragen');
});

test('life situations, areas and services done elsewhere', async ({ page }) => {
  // The catalogue's module arrives slowly too.
  await page.route('**/split_catalogue_code-*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Umzug & Wohnen' }).click();
  await arriveFocused(page, 'Umzug & Wohnen');
  await page.getByRole('link', { name: 'Meldebescheinigung beantragen' }).click();
  await arriveFocused(page, 'Meldebescheinigung beantragen');
  await page.goBack();
  await arriveFocused(page, 'Umzug & Wohnen');
  await page.goBack();
  await arriveFocused(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Bürgerdienste & Meldewesen' }).click();
  await arriveFocused(page, 'Bürgerdienste & Meldewesen');
});

test('a group, the check page, sending and the case page', async ({ page }) => {
  await page.goto('/services/gruppen-test/apply/start');
  await arriveAt(page, 'Ist es eilig?');
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Ihre Kinder');
  await expectFocusOnHeading(page);
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expectFocusOnHeading(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveFocused(page, /Antrag gesendet/);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Anträge' }).click();
  await arriveFocused(page, 'Meine Anträge');
  await page.locator('main').getByRole('link', { name: /Gruppen \(Test\)/ }).first().click();
  await arriveFocused(page, /Antrag gesendet|Gruppen/);
});
