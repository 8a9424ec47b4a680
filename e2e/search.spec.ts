// The front page's search as a citizen uses it on a phone: Enter shows the results
// and moves focus to them, the back button from a result brings the query and its
// results back (kept in history.state, never in the address), a query about a life
// situation suggests it, and the results sit right under the box.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, expectAccessible } from './helpers';

const FRONT = 'Dienstleistungen online beantragen';
const BOX = 'Beschreiben Sie Ihr Anliegen';

async function typeQuery(page: Page, words: string) {
  const box = page.getByLabel(BOX);
  await box.fill(words);
  return box;
}

test.describe('search on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('Enter shows the results and moves focus to their count', async ({ page }) => {
    await page.goto('/');
    await arriveAt(page, FRONT);
    const box = await typeQuery(page, 'Führungszeugnis');
    await box.press('Enter');
    const status = page.locator('#search-status');
    await expect(status).toBeFocused();
    await expect(status).toHaveText(/Passende Dienstleistungen: \d+/);
    await expect(status).toHaveAttribute('role', 'status');
    await expect(page.locator('#search-results > li').first()).toContainText('Führungszeugnis beantragen');
    // Enter sent nothing anywhere: the address carries no query.
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page);
  });

  test('the live region announces the count once typing pauses', async ({ page }) => {
    await page.goto('/');
    await arriveAt(page, FRONT);
    const status = page.locator('#search-status');
    await page.getByLabel(BOX).pressSequentially('Sperrmüll', { delay: 40 });
    await expect(status).toHaveText(/Passende Dienstleistungen: \d+/);
    await expect(page.locator('#search-results > li').first()).toContainText('Sperrmüll');
  });

  test('back from a result brings the query and its results back', async ({ page }) => {
    await page.goto('/');
    await arriveAt(page, FRONT);
    await typeQuery(page, 'alte Möbel loswerden');
    const first = page.locator('#search-results > li').first();
    await expect(first).toContainText('Sperrmüll-Abholung bestellen');
    await first.getByRole('link').click();
    await arriveAt(page, 'Sperrmüll-Abholung bestellen');
    // Never in the address.
    expect(page.url()).not.toMatch(/M%C3%B6bel|loswerden/i);

    await page.goBack();
    await arriveAt(page, FRONT);
    await expect(page.getByLabel(BOX)).toHaveValue('alte Möbel loswerden');
    await expect(page.locator('#search-results > li').first()).toContainText('Sperrmüll-Abholung bestellen');
    await expect(page.locator('#search-status')).toHaveText(/Passende Dienstleistungen: \d+/);

    // Coming to the front page anew (not back) starts empty.
    await page.locator('#search-results > li').first().getByRole('link').click();
    await arriveAt(page, 'Sperrmüll-Abholung bestellen');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Leistungen', exact: true }).click();
    await arriveAt(page, FRONT);
    await expect(page.getByLabel(BOX)).toHaveValue('');
    await expect(page.locator('#search-results > li')).toHaveCount(0);
  });

  test('a query about a life situation suggests it, and its link works', async ({ page }) => {
    await page.goto('/');
    await arriveAt(page, FRONT);
    await typeQuery(page, 'ich bin umgezogen');
    const suggestion = page.getByRole('link', { name: /^Lebenslage: Umzug & Wohnen — alle \d+ Leistungen$/ });
    await expect(suggestion).toBeVisible();
    await expect(page.locator('#search-results > li').first()).toContainText('Wohnsitz anmelden');
    await expectAccessible(page);
    await suggestion.click();
    await arriveAt(page, 'Umzug & Wohnen');
    await expect(page.getByRole('link', { name: 'Wohnsitz abmelden' })).toBeVisible();

    await page.goBack();
    await arriveAt(page, FRONT);
    for (const [words, life] of [
      ['Hochzeit', 'Ehe & Partnerschaft'],
      ['ich bekomme ein Kind', 'Familie & Kinder'],
      ['Firma gründen', 'Arbeit & Gewerbe'],
    ]) {
      await typeQuery(page, words);
      await expect(page.getByRole('link', { name: new RegExp(`^Lebenslage: ${life}`) }), words).toBeVisible();
    }
    // Nonsense suggests nothing and finds nothing.
    await typeQuery(page, 'asdf');
    await expect(page.getByText('Dazu haben wir nichts gefunden.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Lebenslage:/ })).toHaveCount(0);
  });

  test('the box sits right under the heading and the results right under the box', async ({ page }) => {
    await page.goto('/');
    const h1 = await arriveAt(page, FRONT);
    const box = await typeQuery(page, 'Hundesteuer ');
    const first = page.locator('#search-results > li').first();
    await expect(first).toContainText('Hund anmelden (Hundesteuer)');
    const heading = (await h1.boundingBox())!;
    const input = (await box.boundingBox())!;
    const result = (await first.boundingBox())!;
    // Only the box's label and hint between the heading and the box; only the count
    // (and a life situation) between the box and the first result.
    expect(input.y - (heading.y + heading.height)).toBeLessThan(150);
    expect(result.y - (input.y + input.height)).toBeLessThan(80);
    // The page's intro comes after the results, not before the box.
    const intro = (await page.locator('main .lead').boundingBox())!;
    expect(intro.y).toBeGreaterThan(result.y);
    console.log(`360×740: first result at ${Math.round(result.y)} px from the top`);
  });
});
