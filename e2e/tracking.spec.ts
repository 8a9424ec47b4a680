// Following a case after sending: the office (played by the backend's admin command)
// moves it and asks for a document; the citizen sees it in "Meine Anträge" and on the
// case page — which leads with what is to do — answers with a file, and finds a case
// from another device by its codes.
import { test, expect, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerEverything, arriveAt, expectAccessible, expectInOrder, office } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SUFFIX = ' – Rathaus – Stadt Musterstadt';

/** A Führungszeugnis sent from this page (its 13 € fee not paid yet); its case number
 * and access code. */
async function sent(page: Page) {
  await answerEverything(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  const caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
  const accessCode = (await page.getByTestId('access-code').textContent())!.trim();
  await expect(page.getByRole('heading', { name: /Aktueller Stand: Eingegangen/ })).toBeVisible();
  return { caseNumber, accessCode };
}

/** The citizen comes back to the tab (from another window or app). */
async function comeBack(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

test('the office moves the case: the app shows it on return, and in "Meine Anträge"', async ({ page }) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review', '--message', 'Wir prüfen Ihre Angaben.');
  await comeBack(page);
  await expect(page.getByRole('heading', { name: /Aktueller Stand: In Bearbeitung/ })).toBeVisible();
  const timeline = page.locator('.timeline');
  await expect(timeline).toContainText('Wir prüfen Ihre Angaben.');
  await expect(timeline.locator('.timeline__item')).toHaveCount(2);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Meine Anträge' }).first().click();
  await arriveAt(page, 'Meine Anträge');
  const mine = page.getByTestId('my-application').filter({ hasText: caseNumber });
  await expect(mine).toContainText('Führungszeugnis beantragen');
  await expect(mine).toContainText('In Bearbeitung');
  await expect(mine).toContainText('Gebühr offen');
  await expect(page.getByText(/Stand von \d\d:\d\d Uhr/)).toBeVisible();

  // The office decides; the list shows it after coming back to it.
  office('move', caseNumber, 'approved', '--message', 'Ihr Führungszeugnis ist unterwegs.');
  await page.reload();
  await arriveAt(page, 'Meine Anträge');
  await expect(mine).toContainText('Entschieden: bewilligt');
  await mine.getByRole('link', { name: 'Führungszeugnis beantragen' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page.locator('.timeline')).toContainText('Ihr Führungszeugnis ist unterwegs.');
});

test('the office asks for a document: the page leads with the question, the citizen answers in the app', async ({
  page,
}) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.', '--document');

  await page.goto('/applications');
  await arriveAt(page, 'Meine Anträge');
  const mine = page.getByTestId('my-application').filter({ hasText: caseNumber });
  await expect(mine).toContainText('Ihre Antwort wird benötigt');
  // "Rückfragen …: 1" leads straight to the answer form.
  await page
    .getByTestId('action-needed-summary')
    .getByRole('link', { name: 'Rückfragen der Behörde, die auf Ihre Antwort warten: 1' })
    .click();
  const title = `Das Amt braucht Ihre Antwort – ${caseNumber}`;
  await arriveAt(page, title);
  await expect(page).toHaveTitle(title + SUFFIX);
  await expect(page.locator('#answer')).toBeFocused();
  const question = page.getByTestId('open-request');
  await expect(question).toContainText('Bitte senden Sie uns eine Kopie Ihres Personalausweises.');
  // What to do first, right after the codes: the answer, then the fee; the status and
  // the history after them.
  await expectInOrder(page, [
    '[data-testid=case-number]',
    '[data-testid=open-request]',
    '[data-testid=pay]',
    '.case-status',
    '.timeline',
  ]);

  // A document was asked for: text alone is not enough, and the error says so.
  await page.getByLabel('Ihre Antwort').fill('Die Kopie kommt per Post.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Fehler: ' + title + SUFFIX);
  await expect(page.locator('#answer-files-error')).toHaveText(
    'Fehler: Wählen Sie eine Datei für „Dokument“ aus',
  );
  await expectAccessible(page);

  await page.getByLabel('Dokument').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page.getByLabel('Ihre Antwort').fill('Anbei die Kopie.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.locator('#answer-sent')).toBeFocused();
  await expect(page.locator('#answer-sent')).toContainText('Ihre Antwort wurde gesendet.');
  await expect(page.getByRole('heading', { name: /Aktueller Stand: In Bearbeitung/ })).toBeVisible();
  await expect(question).toHaveCount(0);
  // Answered: what is left to do is the fee.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahlung ausstehend');
  await expect(page).toHaveTitle('Zahlung ausstehend' + SUFFIX);
  const answer = page.locator('.timeline__item').filter({ hasText: 'Ihre Antwort' });
  await expect(answer).toContainText('Anbei die Kopie.');
  await expect(answer).toContainText('lageplan.pdf');
  await expectAccessible(page);

  // The office has the answer and its file, once.
  const shown = office('show', caseNumber);
  expect(shown).toContain('in_review');
  expect(shown.match(/answer/g)).toHaveLength(1);
  expect(shown).toContain('[lageplan.pdf]');
});

test('"Ihre Antwort wird benötigt" on "Meine Anträge" is a link to the answer form', async ({ page }) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Wie lautet Ihr Geburtsname?');
  await page.getByRole('link', { name: 'Meine Anträge' }).first().click();
  await arriveAt(page, 'Meine Anträge');
  const mine = page.getByTestId('my-application').filter({ hasText: caseNumber });
  await mine.getByRole('link', { name: /Ihre Antwort wird benötigt/ }).click();
  await arriveAt(page, `Das Amt braucht Ihre Antwort – ${caseNumber}`);
  await expect(page.locator('#answer')).toBeFocused();
  // Tab goes on to the answer itself.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Ihre Antwort')).toBeFocused();
});

test('an answer that fails to send keeps what was typed and its key, also across a reload; the office gets it once', async ({
  page,
}) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Welche Farbe hat Ihr Hund?');
  await comeBack(page);
  await expect(page.getByTestId('open-request')).toBeVisible();
  // Written, then the tab reloaded (or closed and opened again): nothing is lost.
  await page.getByLabel('Ihre Antwort').fill('Braun mit weißen Pfoten.');
  await page.reload();
  await arriveAt(page, `Das Amt braucht Ihre Antwort – ${caseNumber}`);
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Braun mit weißen Pfoten.');
  const keys: string[] = [];
  let attempts = 0;
  let delivered = false;
  await page.route('**/api/v1/applications/*/answers', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    attempts += 1;
    if (attempts === 1) {
      // No connection: nothing reaches the office.
      await route.abort('internetdisconnected');
    } else if (attempts === 2) {
      // The answer reaches the office, but the reply is lost on the way back.
      await route.fetch();
      delivered = true;
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByRole('alert')).toContainText('Ihre Antwort wurde nicht gesendet');
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Braun mit weißen Pfoten.');
  // Reloaded before trying again: the answer comes back with its key.
  await page.reload();
  await arriveAt(page, `Das Amt braucht Ihre Antwort – ${caseNumber}`);
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Braun mit weißen Pfoten.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  // The notice of the first attempt may still be shown: wait for the second to arrive.
  await expect.poll(() => delivered).toBe(true);
  await expect(page.getByRole('alert')).toContainText('Ihre Antwort wurde nicht gesendet');
  expect(office('show', caseNumber).match(/answer/g)).toHaveLength(1);
  // Reloaded again: the office has it, the page confirms it with the same key and
  // forgets the copy on the device.
  await page.reload();
  await expect(page.locator('#answer-sent')).toContainText('Ihre Antwort wurde gesendet.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahlung ausstehend');
  await expect(page.getByTestId('open-request')).toHaveCount(0);
  await expect(page.getByText('bereits beantwortet')).toHaveCount(0);
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(1);
  expect(office('show', caseNumber).match(/answer/g)).toHaveLength(1);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.answer.')))).toEqual([]);
});

test('a refresh of the page while the answer is on its way keeps the form, and the reply is shown', async ({ page }) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Seit wann wohnen Sie in Musterstadt?');
  await comeBack(page);
  await expect(page.getByTestId('open-request')).toBeVisible();
  await page.getByLabel('Ihre Antwort').fill('Seit 2019.');
  // The office gets the answer at once; its reply is held back until the page has
  // refreshed and seen the question answered.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/applications/*/answers', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect.poll(() => office('show', caseNumber).match(/answer/g)?.length ?? 0).toBe(1);
  const refreshed = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/applications/${caseNumber}`) && r.request().method() === 'GET',
  );
  await comeBack(page);
  await refreshed;
  await expect(page.locator('.timeline')).toContainText('Seit 2019.');
  // The form is still there, still sending what was written.
  await expect(page.getByTestId('open-request')).toBeVisible();
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Seit 2019.');
  release();
  await expect(page.locator('#answer-sent')).toBeFocused();
  await expect(page.getByText('bereits beantwortet')).toHaveCount(0);
  await expect(page.getByTestId('open-request')).toHaveCount(0);
  expect(office('show', caseNumber).match(/answer/g)).toHaveLength(1);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.answer.')))).toEqual([]);
});

test('one damaged entry in "Meine Anträge" is set aside and mentioned; the others are shown', async ({ page }) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate(() => {
    const kept = {
      case_number: '2026-K7PQ-M2XD',
      access_code: 'AAAA-BBBB-CCCC',
      service_id: 'hundesteuer',
      service_title: { de: 'Hundesteuer anmelden', en: 'Register a dog for dog tax' },
      fee: 0,
      submitted_at: '2026-11-26T09:00:00Z',
      what_happens_next: null,
    };
    localStorage.setItem('rathaus.v1.applications', JSON.stringify([{ case_number: 42 }, kept]));
  });
  await page.goto('/applications');
  await arriveAt(page, 'Meine Anträge');
  await expect(page.getByTestId('my-application')).toHaveCount(1);
  await expect(page.getByTestId('my-application')).toContainText('Hundesteuer anmelden');
  await expect(page.getByTestId('unreadable')).toContainText('Ein Eintrag konnte nicht gelesen werden.');
  await expectAccessible(page);
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('rathaus.aside.applications.')),
  );
  expect(aside).toHaveLength(1);
  // The one that was fine is still kept, on its own.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('rathaus.v1.applications')!));
  expect(stored.map((a: { case_number: string }) => a.case_number)).toEqual(['2026-K7PQ-M2XD']);
});

test('a case from another device: found by its codes, paid there, and kept', async ({ page, browser }) => {
  const { caseNumber, accessCode } = await sent(page);
  // Started paying on the first device, then the tab was closed.
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(page.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  await page.close();

  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto('/applications');
  await arriveAt(phone, 'Meine Anträge');
  await expect(phone.getByText('Auf diesem Gerät sind noch keine Anträge gespeichert.')).toBeVisible();
  await phone.getByRole('link', { name: 'Antrag von einem anderen Gerät abrufen' }).click();
  await arriveAt(phone, 'Stand Ihres Antrags');
  await phone.getByLabel('Vorgangsnummer').fill(caseNumber);
  await phone.getByLabel('Zugangscode').fill(accessCode);
  await phone.getByRole('button', { name: 'Stand anzeigen' }).click();
  await expect(phone.getByRole('heading', { name: /Aktueller Stand: Eingegangen/ })).toBeVisible();
  expect(phone.url()).not.toContain(accessCode);
  await expect(phone.getByTestId('payment-state')).toHaveText('Zahlung ausstehend');
  await expectAccessible(phone);

  await phone.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(phone.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  await phone.getByLabel('PayPal').check();
  await phone.getByRole('button', { name: /^Jetzt bezahlen/ }).click();
  await arriveAt(phone, 'Bezahlt');
  await phone.getByRole('link', { name: /Zurück/ }).click();
  // Looked up and paid: nothing to do, the page is about where the case stands.
  await arriveAt(phone, 'Stand Ihres Antrags');
  await expect(phone.getByTestId('payment-state')).toHaveText('Bezahlt');
  await expect(phone.locator('.timeline')).toContainText('Bezahlt');
  await expect(phone.getByRole('button', { name: 'Jetzt bezahlen' })).toHaveCount(0);

  // Only in this tab until kept; then in "Meine Anträge", also after a reload.
  await phone.getByRole('button', { name: 'In „Meine Anträge“ speichern' }).click();
  await expect(phone.getByRole('button', { name: 'In „Meine Anträge“ speichern' })).toHaveCount(0);
  await phone.goto('/applications');
  await arriveAt(phone, 'Meine Anträge');
  const mine = phone.getByTestId('my-application').filter({ hasText: caseNumber });
  await expect(mine).toContainText('Bezahlt');
  await other.close();
});

test('wrong access codes: the same answer as an unknown case, then a pause', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A number of its own, so that no other journey's attempts count.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const random = Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * 32)]).join('');
  const caseNumber = `2026-${random.slice(0, 4)}-${random.slice(4)}`;
  await page.goto('/status');
  await arriveAt(page, 'Stand Ihres Antrags');
  await page.getByLabel('Vorgangsnummer').fill(caseNumber);
  const attempt = async (code: string) => {
    await page.getByLabel('Zugangscode').fill(code);
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/applications/'));
    await page.getByRole('button', { name: 'Stand anzeigen' }).click();
    return (await answered).status();
  };
  for (let n = 1; n <= 5; n++) {
    expect(await attempt(`AAAA-BBBB-CCC${n}`)).toBe(404);
    await expect(page.getByRole('alert')).toContainText('Wir haben keinen Antrag');
  }
  expect(await attempt('AAAA-BBBB-CCC6')).toBe(429);
  await expect(page.getByRole('alert')).toContainText('Zu viele Versuche');
  // What was typed stays.
  await expect(page.getByLabel('Vorgangsnummer')).toHaveValue(caseNumber);
  await expectAccessible(page);
  await context.close();
});
