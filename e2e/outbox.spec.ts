// The outbox sends again only what may pass later (no connection, 408, 429, 5xx). A
// refusal takes the application out of the outbox and makes it a draft again, saying
// what happened and what to do; so does waiting longer than `outbox_days` (checked with
// a moved clock), shorter than the backend remembers its keys.
import { test, expect, type Page } from '@playwright/test';
import { answerEverything, arriveAt, expectAccessible } from './helpers';

const DRAFT_KEY = 'rathaus.v1.draft.fuehrungszeugnis';
const DAY = 24 * 60 * 60 * 1000;

/** The draft as it is on the device. */
async function storedDraft(page: Page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), DRAFT_KEY);
}

/** Every `POST /applications`, with its key. */
function submissions(page: Page) {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/applications')) {
      keys.push(request.headers()['idempotency-key']);
    }
  });
  return keys;
}

/** The backend answers every submission with `status` (and the contract's error body). */
async function backendAnswers(page: Page, status: number, error: string, errors: unknown[] = []) {
  await page.route('**/api/v1/applications', (route) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error, errors }) }),
  );
}

const refusals: [number, string, string][] = [
  [400, 'bad_request', 'Der Server konnte ihn nicht lesen.'],
  [404, 'not_found', 'Diese Dienstleistung kann zurzeit nicht online beantragt werden.'],
  [409, 'idempotency_key_reused', 'Der Server hielt ihn für die Wiederholung eines anderen Antrags.'],
  [413, 'payload_too_large', 'Er ist zu groß. Kürzen Sie lange Texte'],
];

for (const [status, error, said] of refusals) {
  test(`refused with ${status}: out of the outbox, a draft again, and the citizen is told what to do`, async ({
    page,
  }) => {
    await answerEverything(page);
    await backendAnswers(page, status, error);
    await page.getByRole('button', { name: 'Antrag abschicken' }).click();
    await expect(page.getByRole('alert')).toContainText(`Ihr Antrag wurde nicht gesendet: ${said}`);
    await expect(page.getByText('wird automatisch gesendet')).toHaveCount(0);
    await expectAccessible(page);
    // Nothing waits to be sent at the next start; the answers are kept.
    const draft = await storedDraft(page);
    expect(draft.pending).toBeNull();
    expect(draft.not_sent).toBeTruthy();
    expect(draft.answers.purpose).toBe('Bewerbung');
    // Said again when the citizen comes back to it.
    await page.reload();
    await arriveAt(page, 'Prüfen Sie Ihre Angaben');
    await expect(page.getByTestId('not-sent')).toContainText(said);
    await page.goto('/device');
    await arriveAt(page, 'Daten auf diesem Gerät');
    await expect(page.getByTestId('drafts')).toContainText('Nicht gesendet – bitte prüfen und erneut abschicken');
  });
}

test('refused with 422 while waiting: back to the check page with the errors at their questions', async ({
  page,
}) => {
  await answerEverything(page);
  // Queued without a connection …
  await page.route('**/api/v1/applications', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
  // … and at the next start the backend finds a mistake only it can find.
  await page.unroute('**/api/v1/applications');
  await backendAnswers(page, 422, 'validation_failed', [{ field: 'purpose', code: 'too_long', limit: '5' }]);
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  const banner = page.getByRole('alert').filter({ hasText: 'wurde nicht gesendet' });
  await expect(banner).toContainText('Ein Antrag, der auf den Versand wartete, wurde nicht gesendet.');
  await expectAccessible(page);
  await banner.getByRole('link', { name: 'Was zu tun ist' }).click();
  await arriveAt(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Fehler: Prüfen Sie Ihre Angaben/);
  const fix = page.locator('.error-summary').getByRole('link');
  await expect(fix).toHaveText('„Wofür brauchen Sie das Führungszeugnis?“ darf höchstens 5 Zeichen lang sein');
  expect((await storedDraft(page)).pending).toBeNull();
  // Fixed at the question, and sent (for real) with a new key.
  await page.unroute('**/api/v1/applications');
  const keys = submissions(page);
  await fix.click();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Job');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await arriveAt(page, 'Prüfen Sie Ihre Angaben');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  expect(keys).toHaveLength(1);
});

test('429 and 503 are tried again with the same key until it goes through', async ({ page }) => {
  await answerEverything(page);
  const answers = [429, 503];
  const keys: string[] = [];
  await page.route('**/api/v1/applications', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const status = answers.shift();
    if (status) {
      await route.fulfill({ status, contentType: 'application/json', body: '{"error":"too_many_requests","errors":[]}' });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
  // No click: retries after 5 and 10 seconds.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahlung ausstehend', { timeout: 30_000 });
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(1);
});

test('not sent for 30 days: it goes back to being a draft, and the old key is never used again', async ({ page }) => {
  await answerEverything(page);
  await page.route('**/api/v1/applications', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
  const queued = (await storedDraft(page)).pending;
  // The device page says until when it is tried.
  await page.goto('/device');
  await arriveAt(page, 'Daten auf diesem Gerät');
  const until = await page.evaluate((at) => {
    const d = new Date(at);
    return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  }, queued.queued_at + 30 * DAY);
  await expect(page.getByTestId('drafts')).toContainText(`Wartet auf Versand; wird bis ${until} automatisch gesendet`);
  await expect(page.getByText('30 Tage lang automatisch gesendet')).toBeVisible();

  // 31 days later, with a connection again. The device page is left first: its
  // outbox would retry (after 5 s) the moment the connection returns, and that
  // retry, not the next start, would then give the application back.
  await page.goto('about:blank');
  await page.unroute('**/api/v1/applications');
  await page.clock.setFixedTime(queued.queued_at + 31 * DAY);
  const keys = submissions(page);
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  const banner = page.getByRole('alert').filter({ hasText: 'wurde nicht gesendet' });
  await banner.getByRole('link', { name: 'Was zu tun ist' }).click();
  await arriveAt(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.getByTestId('not-sent')).toContainText(
    'Ihr Antrag konnte 30 Tage lang nicht gesendet werden und wurde nicht gesendet.',
  );
  const draft = await storedDraft(page);
  expect(draft.pending).toBeNull();
  expect(draft.answers.purpose).toBe('Bewerbung');
  // Sent again by the citizen: a new key, never the one the backend may have forgotten.
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  expect(keys).toHaveLength(1);
  expect(keys[0]).not.toBe(queued.idempotency_key);
});
