// Finding a service among the city's 200+: "Beschreiben Sie Ihr Anliegen" searches on
// the device in the citizen's own words and says why each result matched; the whole
// catalogue can be browsed by life situation and by area; services done elsewhere say
// how. Everything works offline once loaded.
import { test, expect, type Page } from '@playwright/test';
import { chooseLanguage, arriveAt, expectAccessible } from './helpers';

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
  // The front page leads with the most used wizards and says how many there are.
  await expect(page.getByRole('link', { name: 'Führungszeugnis beantragen' })).toBeVisible();
  await expect(page.getByText(/^Das sind die meistgenutzten von \d+ Dienstleistungen/)).toBeVisible();

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
  await page.getByRole('link', { name: 'Mülltonne bestellen, tauschen oder abmelden' }).click();
  await arriveAt(page, 'Mülltonne bestellen, tauschen oder abmelden');
  await expect(page.getByText('Online auf einer anderen Website')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zum Online-Dienst' })).toHaveAttribute(
    'href',
    /^https:\/\/service\.musterstadt\.de\//,
  );
  await expect(page.locator('.facts')).toContainText('nach Abfallgebührensatzung');

  await page.goto('/areas/buergerdienste');
  await arriveAt(page, 'Bürgerdienste & Meldewesen');
  await page.getByRole('link', { name: 'Personalausweis beantragen', exact: true }).click();
  await arriveAt(page, 'Personalausweis beantragen');
  await expect(page.getByText('Vor Ort', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bitte mitbringen' })).toBeVisible();
  await expect(page.getByText('Ein aktuelles biometrisches Passfoto')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Bürgerbüro, Amt für Bürgerdienste');

  // In English too.
  await chooseLanguage(page, 'English');
  await arriveAt(page, 'Apply for an identity card');
  await expect(page.getByRole('heading', { name: 'Please bring' })).toBeVisible();

  await page.goto('/info/gibt-es-nicht');
  await arriveAt(page, 'Page not found');
});

test('a life situation leads with what matters; an in-person service says where, when and how to get there', async ({
  page,
}) => {
  // Thursday, 26 November 2026: "today" comes from the device clock.
  await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+01:00'));
  await page.goto('/life/umzug-wohnen');
  await arriveAt(page, 'Umzug & Wohnen');
  await expect(page.getByText('Wenn Sie umziehen, melden Sie Ihre neue Adresse innerhalb von zwei Wochen')).toBeVisible();
  const titles = page.locator('.service-list__title');
  await expect(titles.first()).toHaveText('Wohnsitz anmelden');
  await expect(titles.nth(1)).toHaveText('Wohnsitz innerhalb der Stadt ummelden');
  await titles.nth(1).getByRole('link').click();
  await arriveAt(page, 'Wohnsitz innerhalb der Stadt ummelden');

  await expect(page.getByRole('heading', { name: 'Wo Sie es erledigen' })).toBeVisible();
  const office = page.getByRole('region', { name: 'Bürgerbüro Mitte' });
  await expect(office.locator('address')).toHaveText(/Friedensplatz 1\s*44135 Musterstadt/);
  const rows = office.getByRole('table', { name: 'Öffnungszeiten' }).getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toHaveText(/^Heute, Donnerstag\s*08:00–18:00 Uhr$/);
  await expect(rows.nth(1)).toHaveText(/^Freitag\s*08:00–12:30 Uhr$/);
  await expect(rows.nth(3)).toHaveText(/^Sonntag\s*geschlossen$/);
  await expect(office.getByRole('link', { name: '0231 555-1000' })).toHaveAttribute('href', 'tel:+492315551000');
  await expect(office.getByRole('link', { name: 'buergerbuero-mitte@musterstadt.de' })).toHaveAttribute(
    'href',
    'mailto:buergerbuero-mitte@musterstadt.de',
  );
  await expect(office.getByRole('link', { name: 'www.musterstadt.de/buergerbueros/mitte' })).toHaveAttribute(
    'href',
    'https://www.musterstadt.de/buergerbueros/mitte',
  );
  await expect(office.getByRole('link', { name: 'Termin vereinbaren' })).toHaveAttribute('href', /^https:\/\//);
  await expect(office).toContainText('U-Bahn U41');
  await expect(office).toContainText('Stufenloser Zugang: Ja');
  // Several ranges on one day, and an office without step-free access says so.
  const west = page.getByRole('region', { name: 'Bürgerbüro West' });
  await expect(west.getByRole('row').nth(5)).toHaveText(/^Dienstag\s*08:00–12:30 und 13:30–16:00 Uhr$/);
  await expect(west).toContainText('Stufenloser Zugang: Nein');
  await expect(page.getByRole('heading', { name: 'Bitte mitbringen' })).toBeVisible();

  await chooseLanguage(page, 'English');
  await arriveAt(page, 'Change your address within the city');
  const centre = page.getByRole('region', { name: "Citizens' Office City Centre" });
  await expect(centre.getByRole('row').first()).toHaveText(/^Today, Thursday\s*08:00–18:00$/);
  await expect(centre).toContainText('Step-free access: Yes');
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the catalogue and the search work offline once loaded', async ({ page, context }) => {
    // A first visit loads the front page's overview only; a slow first answer makes
    // the service worker take over while it is still on its way, and the worker must
    // still end up keeping it.
    let slowed = false;
    const catalogueAsked: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/catalogue$/.test(new URL(r.url()).pathname)) catalogueAsked.push(r.url());
    });
    await page.route('**/api/v1/catalogue/overview?lang=de', async (route) => {
      if (!slowed) {
        slowed = true;
        await new Promise((r) => setTimeout(r, 3000));
      }
      await route.continue();
    });
    await page.goto('/');
    await arriveAt(page, FRONT);
    await expect(page.getByRole('link', { name: 'Tiere' })).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The overview came before the worker took over; the app asks again so it is kept.
    await expect
      .poll(() => page.evaluate(async () => (await caches.match('/api/v1/catalogue/overview?lang=de')) !== undefined))
      .toBe(true);
    // The whole catalogue was not needed yet.
    expect(catalogueAsked).toEqual([]);
    // One search online brings the catalogue and the search's code, and both are kept.
    await expect((await search(page, 'Sperrmüll')).first()).toContainText('Sperrmüll');
    await expect
      .poll(() => page.evaluate(async () => (await caches.match('/api/v1/catalogue?lang=de')) !== undefined))
      .toBe(true);

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
