// Paying the fee through the reference backend's test provider: the provider sends the
// citizen back without an outcome, and the app shows only what the backend says.
import { test, expect, type Page } from '@playwright/test';
import { answerEverything, arriveAt, expectAccessible, expectFocusOnHeading, expectInOrder } from './helpers';

const SUFFIX = ' – Rathaus – Stadt Musterstadt';

/** A Führungszeugnis (13,00 €) sent; on its confirmation page, which leads with the
 * fee. Returns the case number. */
async function sentApplication(page: Page) {
  await answerEverything(page);
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page).toHaveTitle('Zahlung ausstehend' + SUFFIX);
  await expect(page.getByTestId('payment-state')).toHaveText('Offene Gebühr: 13,00 €');
  // Kept on the device: no warning to note the codes.
  await expect(page.getByTestId('not-kept')).toHaveCount(0);
  return (await page.getByTestId('case-number').textContent())!;
}

/** The return page's heading and the tab's title follow its outcome; focus moves to
 * the heading once the outcome is known. */
async function returnedTo(page: Page, outcome: string) {
  await arriveAt(page, outcome);
  await expect(page).toHaveTitle(outcome + SUFFIX);
  await expectFocusOnHeading(page);
}

/** The `Idempotency-Key` of every request to start a payment. */
async function paymentKeys(page: Page) {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/payments$/.test(request.url())) {
      keys.push(request.headers()['idempotency-key']);
    }
  });
  return keys;
}

/** On the test provider's page: checked by axe, then one of its buttons. */
async function atProvider(page: Page, method: string | null, button: RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bezahlen');
  await expect(page.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  await expect(page.getByTestId('amount')).toHaveText('13,00 €');
  await expectAccessible(page);
  if (method) await page.getByLabel(method).check();
  await page.getByRole('button', { name: button }).click();
}

async function expectPaid(page: Page, method: string) {
  await returnedTo(page, 'Bezahlt');
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('13,00 €');
  await expect(receipt).toContainText(method);
  await expect(receipt).toContainText(/RH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
}

test('pay the fee; the receipt, and no second payment offered', async ({ page }) => {
  const caseNumber = await sentApplication(page);
  // Right after the case number: amount, purpose and the button — before the rest.
  await expect(page.locator('.fee')).toContainText(`Verwendungszweck: Gebühr Führungszeugnis beantragen, Vorgang ${caseNumber}`);
  await expectInOrder(page, ['[data-testid=case-number]', '[data-testid=payment-state]', '[data-testid=pay]', '.case-status', '.timeline']);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await atProvider(page, 'PayPal', /^Jetzt bezahlen/);
  expect(new URL(page.url()).pathname).toBe(`/applications/${caseNumber}/payment`);
  expect(new URL(page.url()).search).toBe('');
  await expectPaid(page, 'PayPal');
  await page.getByRole('link', { name: 'Zurück zur Bestätigung Ihres Antrags' }).click();
  // Paid, and the office has not moved yet: now it is the confirmation, nothing due.
  await arriveAt(page, 'Antrag gesendet');
  await expect(page).toHaveTitle('Antrag gesendet' + SUFFIX);
  await expect(page.getByTestId('payment-state')).toHaveText('Bezahlt');
  await expect(page.getByRole('button', { name: 'Jetzt bezahlen' })).toHaveCount(0);
});

test('cancelled at the provider, then paid with a new attempt', async ({ page }) => {
  await sentApplication(page);
  const keys = await paymentKeys(page);
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await atProvider(page, null, /^Abbrechen/);
  await returnedTo(page, 'Zahlung abgebrochen');
  await expect(page.getByRole('alert')).toContainText('Es wurde nichts abgebucht.');
  await page.getByRole('button', { name: 'Erneut bezahlen' }).click();
  await atProvider(page, 'SEPA-Lastschrift (SEPA direct debit)', /^Jetzt bezahlen/);
  await expectPaid(page, 'SEPA-Lastschrift');
  // The ended attempt is asked for once more, then a new one is made with a new id.
  expect(keys).toHaveLength(3);
  expect(keys[1]).toBe(keys[0]);
  expect(keys[2]).not.toBe(keys[0]);
});

test('a second press after a lost reply retries the same attempt with the same id', async ({ page }) => {
  await sentApplication(page);
  const keys = await paymentKeys(page);
  let lost = false;
  await page.route('**/api/v1/applications/*/payments', async (route) => {
    if (route.request().method() === 'POST' && !lost) {
      lost = true;
      // The backend makes the payment; its reply never arrives.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await atProvider(page, 'PayPal', /^Jetzt bezahlen/);
  await expectPaid(page, 'PayPal');
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
});

test('the provider fails the payment: said so, and paid on the next attempt', async ({ page }) => {
  await sentApplication(page);
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await atProvider(page, null, /scheitern/);
  await returnedTo(page, 'Zahlung fehlgeschlagen');
  await page.getByRole('button', { name: 'Erneut bezahlen' }).click();
  await atProvider(page, 'Kreditkarte (credit card)', /^Jetzt bezahlen/);
  await expectPaid(page, 'Kreditkarte');
});

test('a return address with forged parameters shows no success', async ({ page }) => {
  const caseNumber = await sentApplication(page);
  await page.goto(`/applications/${caseNumber}/payment?status=PAYED&success=true&state=PAYED`);
  await arriveAt(page, 'Noch keine Zahlung');
  await expect(page.getByText('Zahlung erfolgreich')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Erneut bezahlen' })).toBeVisible();
});

test('a double click on "Jetzt bezahlen" makes one payment', async ({ page }) => {
  await sentApplication(page);
  const created: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && /\/payments$/.test(response.url())) created.push(response.status());
  });
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).dblclick();
  await atProvider(page, 'PayPal', /^Jetzt bezahlen/);
  await expectPaid(page, 'PayPal');
  expect(created.filter((s) => s === 201)).toHaveLength(1);
});

test('the tab closed mid-payment: "Zahlung ausstehend" on the case, and paid from there', async ({
  page,
  context,
}) => {
  const caseNumber = await sentApplication(page);
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(page.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  const providerUrl = page.url();
  await page.close();

  const later = await context.newPage();
  await later.goto(`/applications/${caseNumber}`);
  await arriveAt(later, 'Zahlung ausstehend');
  await expect(later.getByTestId('payment-state')).toHaveText('Zahlung ausstehend');
  await later.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  // The same payment, not a second one.
  await expect(later.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  expect(later.url()).toBe(providerUrl);
  await atProvider(later, 'PayPal', /^Jetzt bezahlen/);
  await expectPaid(later, 'PayPal');
});

test('the payment status cannot be read: an error with a retry, never an endless spinner', async ({ page }) => {
  const caseNumber = await sentApplication(page);
  let failures = 1;
  await page.route('**/api/v1/applications/*/payments', async (route) => {
    if (route.request().method() === 'GET' && failures-- > 0) {
      await route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal"}' });
    } else {
      await route.continue();
    }
  });
  await page.goto(`/applications/${caseNumber}/payment`);
  await arriveAt(page, 'Zahlungsstand nicht abrufbar');
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Noch keine Zahlung');
});

test('not paid in time: the payment expires, and a new one can be made', async ({ page }) => {
  test.setTimeout(120_000);
  const caseNumber = await sentApplication(page);
  await page.getByRole('button', { name: 'Jetzt bezahlen' }).click();
  await expect(page.getByText('TEST-ZAHLUNGSANBIETER')).toBeVisible();
  // The citizen walks away; the test backend gives 40 seconds to pay.
  await page.waitForTimeout(41_000);
  await page.getByRole('button', { name: /^Jetzt bezahlen/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('bereits abgeschlossen (FAILED)');
  await page.goto(`/applications/${caseNumber}/payment`);
  await returnedTo(page, 'Zahlung abgelaufen');
  await expect(page.getByRole('alert')).toContainText('Die Zeit zum Bezahlen ist abgelaufen.');
  await page.getByRole('button', { name: 'Erneut bezahlen' }).click();
  await atProvider(page, 'PayPal', /^Jetzt bezahlen/);
  await expectPaid(page, 'PayPal');
});
