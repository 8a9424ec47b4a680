// Finding a service among the city's 200+: "Beschreiben Sie Ihr Anliegen" searches on
// the device in the citizen's own words and says why each result matched; the whole
// catalogue can be browsed by life situation and by area; services done elsewhere say
// how. Everything works offline once loaded.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, expectAccessible } from './helpers';

const FRONT = 'Dienstleistungen online beantragen';

async function search(page: Page, words: string) {
  const box = page.getByLabel('Beschreiben Sie Ihr Anliegen');
  await box.fill(words);
  return page.locator('#search-results > li');
}

test('the citizen describes what they need and finds it, with the reason, by keyboard', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await arriveAt(page, FRONT);

  let results = await search(page, 'ich bin umgezogen');
  await expect(results.first()).toContainText('Wohnsitz anmelden');
  await expect(results.first()).toContainText('passt zu: umgezogen');
  await expect(page.getByRole('status').filter({ hasText: 'Passende Dienstleistungen' })).toBeVisible();
  await expectAccessible(page);

  // Umlauts written out, typos, compounds, English, everyday phrases.
  for (const [words, found] of [
    ['Hundesteur', 'Hund anmelden (Hundesteuer)'],
    ['fuehrerschein verloren', 'Ersatzführerschein beantragen'],
    ['alte Möbel loswerden', 'Sperrmüll-Abholung bestellen'],
    ['get rid of old furniture', 'Sperrmüll-Abholung bestellen'],
    ['Schlagloch', 'Mangel melden'],
  ]) {
    results = await search(page, words);
    await expect(results.first(), words).toContainText(found);
  }
  results = await search(page, 'xyzzy quux');
  await expect(page.getByText('Dazu haben wir nichts gefunden.')).toBeVisible();
  await expect(results).toHaveCount(0);

  // What was typed never left the device.
  expect(requests.filter((u) => /umgezogen|Hundesteur|M%C3%B6bel|xyzzy/i.test(u))).toEqual([]);

  // By keyboard: from the box to the first result, and into the service.
  results = await search(page, 'Führungszeugnis');
  await expect(results.first()).toContainText('Führungszeugnis beantragen');
  await page.getByLabel('Beschreiben Sie Ihr Anliegen').press('Tab');
  await expect(results.first().getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await arriveAt(page, 'Führungszeugnis beantragen');
});

test('browse by life situation and by area; a service done elsewhere says how', async ({ page }) => {
  await page.goto('/');
  await arriveAt(page, FRONT);
  await page.getByRole('link', { name: 'Umzug & Wohnen' }).click();
  await arriveAt(page, 'Umzug & Wohnen');
  await expect(page.getByRole('link', { name: 'Wohnsitz abmelden' })).toBeVisible();
  await page.getByRole('link', { name: 'Meldebescheinigung beantragen' }).click();
  await arriveAt(page, 'Meldebescheinigung beantragen');
  await expect(page.getByText('Online auf einer anderen Website')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zum Online-Dienst' })).toHaveAttribute(
    'href',
    /^https:\/\/service\.musterstadt\.de\//,
  );
  await expect(page.locator('.facts')).toContainText('5,00 €');

  await page.goto('/areas/buergerdienste');
  await arriveAt(page, 'Bürgerdienste & Meldewesen');
  await page.getByRole('link', { name: 'Personalausweis beantragen', exact: true }).click();
  await arriveAt(page, 'Personalausweis beantragen');
  await expect(page.getByText('Vor Ort', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bitte mitbringen' })).toBeVisible();
  await expect(page.getByText('Ein aktuelles biometrisches Passfoto')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Bürgerbüro, Amt für Bürgerdienste');

  // In English too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await arriveAt(page, 'Apply for an identity card');
  await expect(page.getByRole('heading', { name: 'Please bring' })).toBeVisible();

  await page.goto('/info/gibt-es-nicht');
  await arriveAt(page, 'Page not found');
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the catalogue and the search work offline once loaded', async ({ page, context }) => {
    // A slow first answer: the service worker takes over while the catalogue is still
    // on its way, and must still end up keeping it.
    let slowed = false;
    await page.route('**/api/v1/catalogue', async (route) => {
      if (!slowed) {
        slowed = true;
        await new Promise((r) => setTimeout(r, 3000));
      }
      await route.continue();
    });
    await page.goto('/');
    await arriveAt(page, FRONT);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The catalogue came before the worker took over; the app asks again so it is kept.
    await expect
      .poll(() => page.evaluate(async () => (await caches.match('/api/v1/catalogue')) !== undefined))
      .toBe(true);
    // One search online brings the search's code.
    await expect((await search(page, 'Sperrmüll')).first()).toContainText('Sperrmüll');

    await context.setOffline(true);
    await page.reload();
    await arriveAt(page, FRONT);
    await expect((await search(page, 'neue Wohnung')).first()).toContainText('Wohnsitz anmelden');
    await page.getByRole('link', { name: 'Tiere' }).click();
    await arriveAt(page, 'Tiere');
    await expect(page.getByRole('link', { name: 'Hund anmelden (Hundesteuer)' })).toBeVisible();
    await context.setOffline(false);
  });
});
