// "Daten auf diesem Gerät": nothing is deleted with one tap. Each delete asks first, in
// place, and says what is lost (the access code of a sent application; that one waiting
// in the outbox will not be sent); focus stays with the citizen, never lost to <body>.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, expectAccessible } from './helpers';

const app = (case_number: string, access_code: string) => ({
  case_number,
  access_code,
  service_id: 'hundesteuer',
  service_title: { de: 'Hundesteuer anmelden', en: 'Register a dog for dog tax' },
  fee: 0,
  submitted_at: '2026-11-26T09:00:00Z',
  what_happens_next: null,
});

/** Two sent applications and one waiting in the outbox, on the device page. */
async function deviceWithData(page: Page) {
  // Offline: the outbox must not send the made-up application meanwhile.
  await page.route('**/api/v1/applications', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate((apps) => {
    localStorage.setItem('rathaus.v1.applications', JSON.stringify(apps));
    const waiting = {
      service_id: 'sperrmuell',
      service_version: 1,
      answers: { strasse: 'Markt 1' },
      step: null,
      pending: { idempotency_key: 'k', answers: {}, body: '{}', queued_at: Date.now() },
      submitted_case: null,
      service_title: { de: 'Sperrmüll anmelden', en: 'Bulky waste' },
      saved_at: Date.now(),
    };
    localStorage.setItem('rathaus.v1.draft.sperrmuell', JSON.stringify(waiting));
  }, [app('2026-AAAA-0001', 'K7PQ-M2XD-3RTA'), app('2026-AAAA-0002', 'ZZZZ-YYYY-XXXX')]);
  await page.goto('/device');
  await arriveAt(page, 'Daten auf diesem Gerät');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body ? 'body' : (el?.id || el?.textContent?.trim() || el?.tagName);
  });

test('deleting a sent application asks first, names its code, and keeps focus in place', async ({ page }) => {
  await deviceWithData(page);
  const sent = page.getByTestId('applications');
  await sent.getByRole('button', { name: '2026-AAAA-0001 löschen' }).click();
  const confirm = page.locator('#confirm-case-2026-AAAA-0001');
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText('Wirklich löschen? Ohne Zugangscode können Sie den Antrag nicht mehr verfolgen.');
  await expect(confirm).toContainText('Vorgangsnummer: 2026-AAAA-0001, Zugangscode: K7PQ-M2XD-3RTA');
  await expectAccessible(page);
  // "Abbrechen": nothing deleted, focus back on the button.
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(sent.getByRole('button', { name: '2026-AAAA-0001 löschen' })).toBeFocused();
  await expect(sent.getByRole('listitem')).toHaveCount(2);
  // By keyboard: "Löschen" deletes; focus goes to the next row.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(sent.getByRole('listitem')).toHaveCount(1);
  await expect(page.locator('#row-case-2026-AAAA-0002 a')).toBeFocused();
  // The last one: focus goes to the list's heading.
  await sent.getByRole('button', { name: '2026-AAAA-0002 löschen' }).click();
  await page.locator('#confirm-case-2026-AAAA-0002').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('heading', { name: 'Gesendete Anträge' })).toBeFocused();
  expect(await focused(page)).not.toBe('body');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('rathaus.v1.applications')!))).toEqual([]);
});

test('deleting what waits in the outbox says it will not be sent', async ({ page }) => {
  await deviceWithData(page);
  const drafts = page.getByTestId('drafts');
  await expect(drafts).toContainText('Wartet auf Versand; wird bis');
  await drafts.getByRole('button', { name: 'Sperrmüll anmelden löschen' }).click();
  const confirm = page.locator('#confirm-draft-sperrmuell');
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText('Dieser Antrag wartet auf den Versand und wird dann nicht gesendet.');
  await confirm.getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('heading', { name: 'Begonnene Anträge' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('rathaus.v1.draft.sperrmuell'))).toBeNull();
});

test('"Alles löschen" asks, naming what will be lost', async ({ page }) => {
  await deviceWithData(page);
  await page.getByRole('button', { name: 'Alles löschen' }).click();
  const confirm = page.locator('#confirm-all');
  await expect(confirm).toBeFocused();
  await expect(confirm.getByRole('listitem')).toHaveText([
    'Anträge, die auf den Versand warten – sie werden nicht gesendet: 1',
    'Gesendete Anträge mit ihrem Zugangscode – ohne ihn können Sie sie nicht mehr verfolgen: 2',
  ]);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('button', { name: 'Alles löschen' })).toBeFocused();
  await page.getByRole('button', { name: 'Alles löschen' }).click();
  await page.getByRole('button', { name: 'Ja, alles löschen' }).click();
  await expect(page.locator('#deleted-all')).toBeFocused();
  await expect(page.locator('#deleted-all')).toHaveText('Alle Daten auf diesem Gerät wurden gelöscht.');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rathaus.v1.d')))).toEqual([]);
});
