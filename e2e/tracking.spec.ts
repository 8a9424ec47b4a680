// Following a case after sending: the office (played by the backend's admin command)
// moves it and asks for a document; the citizen sees it in "Meine Anträge" and on the
// case page, answers with a file, and finds a case from another device by its codes.
import { test, expect, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerEverything, arriveAt, expectAccessible, office } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A Führungszeugnis sent from this page; its case number and access code. */
async function sent(page: Page) {
  await answerEverything(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Antrag gesendet');
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
  await mine.getByRole('link').click();
  await arriveAt(page, 'Antrag gesendet');
  await expect(page.locator('.timeline')).toContainText('Ihr Führungszeugnis ist unterwegs.');
});

test('the office asks for a document; the citizen answers in the app', async ({ page }) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.', '--document');

  await page.goto('/applications');
  await arriveAt(page, 'Meine Anträge');
  await expect(page.getByTestId('action-needed-summary')).toContainText('die auf Ihre Antwort warten: 1');
  const mine = page.getByTestId('my-application').filter({ hasText: caseNumber });
  await expect(mine).toContainText('Ihre Antwort wird benötigt');
  await mine.getByRole('link').click();
  await arriveAt(page, 'Antrag gesendet');
  await expect(page.getByRole('heading', { name: /Aktueller Stand: Rückfrage/ })).toBeVisible();
  const question = page.getByTestId('open-request');
  await expect(question).toContainText('Bitte senden Sie uns eine Kopie Ihres Personalausweises.');

  // A document was asked for: text alone is not enough, and the error says so.
  await page.getByLabel('Ihre Antwort').fill('Die Kopie kommt per Post.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
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

test('an answer that fails to send keeps what was typed, also across a reload, and the retry sends it once', async ({ page }) => {
  const { caseNumber } = await sent(page);
  office('move', caseNumber, 'in_review');
  office('ask', caseNumber, 'Welche Farbe hat Ihr Hund?');
  await comeBack(page);
  await expect(page.getByTestId('open-request')).toBeVisible();
  // Written, then the tab reloaded (or closed and opened again): nothing is lost.
  await page.getByLabel('Ihre Antwort').fill('Braun mit weißen Pfoten.');
  await page.reload();
  await arriveAt(page, 'Antrag gesendet');
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Braun mit weißen Pfoten.');
  let dropped = false;
  await page.route('**/api/v1/applications/*/answers', async (route) => {
    if (!dropped) {
      dropped = true;
      // The answer reaches the office, but the reply is lost on the way back.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByRole('alert')).toContainText('Ihre Antwort wurde nicht gesendet');
  await expect(page.getByLabel('Ihre Antwort')).toHaveValue('Braun mit weißen Pfoten.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.locator('#answer-sent')).toBeVisible();
  expect(office('show', caseNumber).match(/answer/g)).toHaveLength(1);
  // Sent: the device keeps no copy of the answer.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.answer.')))).toEqual([]);
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
  await arriveAt(phone, 'Zahlung erfolgreich');
  await phone.getByRole('link', { name: /Zurück/ }).click();
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
