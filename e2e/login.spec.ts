// Logging in with the city's account (the test identity provider of scripts/test-idp):
// a service that requires the online ID, answers from the login that the backend
// enforces, the account's cases on a second device, logging out on a shared computer,
// another account on the same device, logins that fail and a provider that is down.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { join, dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  answerEverything,
  arriveAt,
  continueTo,
  expectAccessible,
  logIn,
  logInForFuehrungszeugnis,
  office,
} from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function loggedInContext(browser: Browser, citizen: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/applications');
  await arriveAt(page, 'Meine Anträge');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await logIn(page, citizen);
  await arriveAt(page, 'Meine Anträge');
  await expect(page.getByTestId('account')).toContainText(`Angemeldet als ${citizen}`);
  return page;
}

/** A whole Wohnsitzanmeldung sent from `page`'s session through the API, with a name
 * and birth date that are not the login's. */
async function sendTampered(page: Page): Promise<string> {
  const session = await (await page.request.get('/api/v1/session')).json();
  const csrf = { 'X-CSRF-Token': session.csrf_token };
  const upload = await page.request.post('/api/v1/attachments', {
    headers: { 'Content-Type': 'application/pdf', 'Attachment-Name': 'bestaetigung.pdf', ...csrf },
    data: readFileSync(join(fixtures, 'wohnungsgeberbestaetigung.pdf')),
  });
  expect(upload.status()).toBe(201);
  const answers = {
    einzugsdatum: { day: '1', month: '11', year: '2026' },
    neue_anschrift: { street: 'Friedensplatz 1', extra: '', postcode: '44135', town: 'Dortmund' },
    wohnungsart: 'hauptwohnung',
    zuzug_aus: 'inland',
    bisherige_anschrift: { street: 'Heidestraße 17', extra: '', postcode: '51147', town: 'Köln' },
    bisherige_beibehalten: 'no',
    familienname: 'Mallory',
    vornamen: 'Eve',
    geburtsdatum: { day: '1', month: '1', year: '1990' },
    geburtsort: 'Berlin',
    staatsangehoerigkeit: 'deutsch',
    'weitere-personen': [],
    wohnungsgeberbestaetigung: { files: [await upload.json()] },
    email: '',
    telefon: '',
  };
  const sent = await page.request.post('/api/v1/applications', {
    headers: { 'Idempotency-Key': `tampered-${Date.now()}`, ...csrf },
    data: { service_id: 'wohnsitzanmeldung', service_version: 1, locale: 'de', answers },
  });
  expect(sent.status()).toBe(201);
  return (await sent.json()).case_number;
}

test('the start page asks for the online ID; logged in, the backend keeps the login’s name whatever is sent', async ({ page, browser }) => {
  await page.goto('/services/wohnsitzanmeldung');
  await arriveAt(page, 'Wohnsitz anmelden');
  await expect(page.getByTestId('identification')).toContainText(
    'Sie brauchen Ihren Personalausweis mit Online-Ausweisfunktion',
  );
  await expect(page.getByRole('button', { name: 'Jetzt beginnen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'Erika Mustermann');
  await arriveAt(page, 'Wohnsitz anmelden');
  await expect(page.getByTestId('account')).toContainText('Angemeldet als Erika Mustermann');
  await expect(page.getByRole('button', { name: 'Jetzt beginnen' })).toBeVisible();

  // Without the session's CSRF token, the cookie alone changes nothing.
  const forged = await page.request.post('/api/v1/applications', {
    headers: { 'Idempotency-Key': 'forged' },
    data: { service_id: 'wohnsitzanmeldung', service_version: 1, answers: {} },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toBe('csrf_failed');

  const caseNumber = await sendTampered(page);
  const shown = office('show', caseNumber);
  expect(shown).toContain('familienname: "Mustermann"  (from the login)');
  expect(shown).toContain('vornamen: "Erika"  (from the login)');
  expect(shown).not.toContain('Mallory');

  // A second device: after logging in there, the case is listed without any code.
  const other = await loggedInContext(browser, 'Erika Mustermann');
  const listed = other.getByTestId('my-application').filter({ hasText: caseNumber });
  await expect(listed).toContainText('Wohnsitz anmelden');
  await listed.getByRole('link', { name: 'Wohnsitz anmelden' }).click();
  await arriveAt(other, /.+/);
  await expect(other.locator('main')).toContainText(caseNumber);

  // Logging out on the shared computer: the account's cases leave the device.
  await other.goto('/applications');
  await arriveAt(other, 'Meine Anträge');
  await other.getByTestId('logout').click();
  await expect(other.getByRole('heading', { name: 'Vom Test-Anmeldedienst abmelden?' })).toBeVisible();
  await other.getByRole('button', { name: 'Abmelden' }).click();
  await arriveAt(other, 'Dienstleistungen online beantragen');
  const kept = await other.evaluate(() => localStorage.getItem('rathaus.v1.applications') ?? '');
  expect(kept).not.toContain(caseNumber);
  await other.goto('/applications');
  await arriveAt(other, 'Meine Anträge');
  await expect(other.getByTestId('my-application')).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  const session = await (await other.request.get('/api/v1/session')).json();
  expect(session.identity).toBeUndefined();
});

test('a login below the service’s level, a cancelled and a forged one each say what happened', async ({ page }) => {
  // Otto's account has the level "low": the service needs "high".
  await page.goto('/services/wohnsitzanmeldung');
  await arriveAt(page, 'Wohnsitz anmelden');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'Otto Normalverbraucher');
  await arriveAt(page, 'Wohnsitz anmelden');
  await expect(page.getByTestId('login-too-low')).toContainText('„niedrig“');
  await expect(page.getByRole('button', { name: 'Jetzt beginnen' })).toHaveCount(0);
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.waitForURL((url) => url.port === (process.env.RATHAUS_E2E_PORT ?? '8181'));

  // Cancelled at the provider: back in the app, not logged in, a way to try again.
  await page.goto('/services/wohnsitzanmeldung');
  await arriveAt(page, 'Wohnsitz anmelden');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await arriveAt(page, 'Die Anmeldung hat nicht geklappt');
  await expect(page.getByTestId('login-failed')).toContainText('Sie haben die Anmeldung abgebrochen');
  await expect(page.getByRole('button', { name: 'Erneut anmelden' })).toBeVisible();

  // A callback this browser did not start (forged, or replayed): refused.
  await page.goto('/api/v1/auth/callback?code=stolen&state=forged');
  await arriveAt(page, 'Die Anmeldung hat nicht geklappt');
  await expect(page.getByTestId('login-failed')).toContainText('schon einmal verwendet');
  const session = await (await page.request.get('/api/v1/session')).json();
  expect(session.identity).toBeUndefined();
});

test('a draft started on one device is continued on another, and deleting everything deletes it there too', async ({
  page,
  browser,
}) => {
  // Leyla's account: no other journey keeps drafts in it.
  await logInForFuehrungszeugnis(page, 'Leyla Yılmaz');
  // Opt-in: only then does the draft go to the account.
  await page.getByLabel('Entwurf auch in meinem Konto speichern, um auf einem anderen Gerät weiterzumachen').check();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  const kept = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/account/drafts/fuehrungszeugnis') && r.request().method() === 'PUT' &&
      (r.request().postData() ?? '').includes('Ehrenamt im Sportverein'),
  );
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Ehrenamt im Sportverein');
  expect((await kept).status()).toBe(200);

  // Another device, logged in to the same account: the draft is there to go on with.
  const other = await (await browser.newContext()).newPage();
  await logInForFuehrungszeugnis(other, 'Leyla Yılmaz');
  await expect(other.getByTestId('draft-from-account')).toContainText('Angaben aus dem Entwurf in Ihrem Konto');
  await other.getByRole('button', { name: 'Weitermachen' }).click();
  // On at the first question still open there.
  await arriveAt(other, 'Welche Staatsangehörigkeit haben Sie?');
  await other.goto('/services/fuehrungszeugnis/apply/zweck');
  await arriveAt(other, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(other.getByLabel('Wofür brauchen Sie das Führungszeugnis?')).toHaveValue('Ehrenamt im Sportverein');

  // "Alles löschen" there: the account's copy goes too. The page says what the login
  // keeps where.
  await other.goto('/device');
  await arriveAt(other, /.+/);
  await expect(other.getByTestId('login-kept')).toContainText('nur ein Cookie');
  await other.getByRole('button', { name: 'Alles löschen' }).click();
  const deleted = other.waitForResponse(
    (r) => r.url().endsWith('/api/v1/account/drafts') && r.request().method() === 'DELETE',
  );
  await other.getByRole('button', { name: 'Ja, alles löschen' }).click();
  expect((await deleted).status()).toBe(200);
  expect((await other.request.get('/api/v1/account/drafts/fuehrungszeugnis')).status()).toBe(404);
});

test('a session that ends mid-application: nothing is lost, logging in again sends it', async ({ page, context }) => {
  // Erika's own account (not a new one): logging in again is the same account.
  await logInForFuehrungszeugnis(page, 'Erika Mustermann');
  await answerEverything(page);
  // The session ends (expired, or the cookie is gone): sending is refused, the answers stay.
  await context.clearCookies();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Für diesen Antrag müssen Sie angemeldet sein' });
  await expect(refused).toBeVisible();
  await expectAccessible(page);
  await refused.getByRole('button', { name: 'Anmelden' }).click();
  await logIn(page, 'Erika Mustermann');
  await arriveAt(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('main')).toContainText('Bewerbung');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
});

test('another account logging in on the same device does not see the earlier account’s draft', async ({
  page,
  context,
}) => {
  // The first citizen starts, and leaves without logging out; the session ends.
  await logInForFuehrungszeugnis(page);
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Bewerbung als Erzieherin');
  await page.goto('/device');
  await arriveAt(page, 'Daten auf diesem Gerät');
  await expect(page.locator('main')).toContainText('Führungszeugnis beantragen');
  const onDevice = () => page.evaluate(() => localStorage.getItem('rathaus.v1.draft.fuehrungszeugnis') ?? '');
  expect(await onDevice()).toContain('Bewerbung als Erzieherin');
  await context.clearCookies();

  // Someone else logs in on this device: the first account's draft has gone from it.
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'neue Testperson Erika Mustermann');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await expect(page.getByTestId('account')).toContainText('Angemeldet als Erika Mustermann');
  await expect(page.getByText('Sie haben diesen Antrag schon begonnen.')).toHaveCount(0);
  expect(await onDevice()).not.toContain('Bewerbung als Erzieherin');
  await page.goto('/device');
  await arriveAt(page, 'Daten auf diesem Gerät');
  await expect(page.locator('main')).not.toContainText('Bewerbung als Erzieherin');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('Bewerbung als Erzieherin');
});

test('with the identity provider down: a clear message, and services without a login still work', async ({
  page,
}) => {
  const app = process.env.RATHAUS_E2E_PROVIDER_DOWN!;
  await page.goto(`${app}/services/fuehrungszeugnis`);
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await arriveAt(page, 'Die Anmeldung hat nicht geklappt');
  await expect(page.locator('main')).toContainText('Der Anmeldedienst ist gerade nicht erreichbar.');
  expect(new URL(page.url()).origin).toBe(app);
  // Not logged in, and a service that needs no login goes on as before.
  await page.goto(`${app}/services/hundesteuer`);
  await arriveAt(page, /Hundesteuer/);
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Halterin oder Halter');
});
