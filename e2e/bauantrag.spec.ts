// Planning permission: numbers, money and a fee tiered by the construction cost, an
// information text, a declaration, and building documents as files (PDF only).
import { test, expect, type Page } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, expectAccessible, fillAddress } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\ntrailer << >>\n%%EOF\n`),
});

/** Through the wizard up to the check page, with a construction cost of `cost`. */
async function fillInUpToCheck(page: Page, cost: string) {
  await page.goto('/services/bauantrag');
  await arriveAt(page, 'Bauantrag stellen');
  await expect(page.getByText('hängt von Ihren Angaben ab')).toBeVisible();
  await expect(page.getByText(/bis 500\.000 € 10 ‰ der Baukosten/)).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Ihr Vorhaben');
  await page.getByLabel('Ein Gebäude neu bauen').check();
  await page.getByLabel('Beschreiben Sie Ihr Vorhaben kurz').fill('Einfamilienhaus mit Garage, zwei Vollgeschosse');
  await continueTo(page, 'Grundstück');
  await fillAddress(page, 'Am Feldrain 7', '44137', 'Musterstadt');
  await page.getByLabel('Gemarkung').fill('Musterstadt-Nord');
  await page.getByLabel('Flur', { exact: true }).fill('drei');
  await page.getByLabel('Flurstück').fill('123/4');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#flur-error')).toHaveText('Fehler: „Flur“ muss eine Zahl sein, zum Beispiel 1250 oder 12,50');
  await expect(page.getByLabel('Flurstück')).toHaveValue('123/4');
  await expectAccessible(page);
  await page.getByLabel('Flur', { exact: true }).fill('3');

  await continueTo(page, 'Wie hoch sind die geschätzten Baukosten?');
  await page.getByLabel('Wie hoch sind die geschätzten Baukosten?').fill('-5');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#baukosten-error')).toHaveText(
    'Fehler: „Wie hoch sind die geschätzten Baukosten?“ muss mindestens 0,00\u00a0€ sein',
  );
  await expectAccessible(page);
  await page.getByLabel('Wie hoch sind die geschätzten Baukosten?').fill(cost);

  await continueTo(page, 'Entwurfsverfasserin oder Entwurfsverfasser');
  await page.getByLabel('Name', { exact: true }).fill('Dipl.-Ing. Jana Baumeister');
  await page.getByLabel('Mitgliedsnummer der Architekten- oder Ingenieurkammer').fill('A-12345');
  await page.getByLabel('E-Mail-Adresse').fill('baumeister@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#architekt_berechtigt-error')).toHaveText(
    'Fehler: Bestätigen Sie „Die Entwurfsverfasserin oder der Entwurfsverfasser ist bauvorlageberechtigt.“',
  );
  await expectAccessible(page);
  await page.getByLabel('Die Entwurfsverfasserin oder der Entwurfsverfasser ist bauvorlageberechtigt.').check();

  await continueTo(page, 'Bauvorlagen');
  await expect(page.getByRole('heading', { name: 'Welche Unterlagen wir brauchen' })).toBeVisible();
  // A photo where a PDF is needed: refused on the device, before any upload.
  await page.getByLabel('Lageplan').setInputFiles(join(fixtures, 'foto.png'));
  await expect(page.locator('#lageplan-error')).toHaveText('Fehler: „Lageplan“ muss eine Datei dieser Art sein: PDF');
  await expectAccessible(page);
  await page.getByLabel('Lageplan').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.locator('#lageplan-error')).toHaveCount(0);
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page.getByLabel('Bauzeichnungen').setInputFiles([pdf('grundriss-eg.pdf'), pdf('schnitt-a-a.pdf')]);
  await expect(page.locator('.file-upload__list').nth(1)).toContainText('schnitt-a-a.pdf');
  await expect(page.locator('.file-upload__list').nth(1)).toContainText('grundriss-eg.pdf');
  await page.getByLabel('Baubeschreibung').setInputFiles(pdf('baubeschreibung.pdf'));
  await expect(page.getByText('Hochgeladen: baubeschreibung.pdf')).toBeVisible();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
}

test('apply for planning permission with documents; the fee follows the cost tier', async ({ page }) => {
  await fillInUpToCheck(page, '250.000');
  const main = page.locator('main');
  await expect(main).toContainText('250.000,00\u00a0€');
  // 10 ‰ of 250.000 € in the middle tier.
  await expect(page.locator('.fee__amount')).toHaveText('2.500,00\u00a0€');
  await expect(main).toContainText('grundriss-eg.pdf, schnitt-a-a.pdf');

  // A cheaper project falls into the first tier: 200 € flat.
  await page.getByRole('link', { name: 'Ändern Wie hoch sind die geschätzten Baukosten?' }).click();
  await arriveAt(page, 'Wie hoch sind die geschätzten Baukosten?');
  await page.getByLabel('Wie hoch sind die geschätzten Baukosten?').fill('18.500');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('.fee__amount')).toHaveText('200,00\u00a0€');

  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page.getByText('Offene Gebühr: 200,00\u00a0€')).toBeVisible();
});

test('an error only the server can find is shown at the question it concerns', async ({ page, request }) => {
  await fillInUpToCheck(page, '1.000.000');
  // 1.000 € and 8 ‰ of 1.000.000 € in the top tier.
  await expect(page.locator('.fee__amount')).toHaveText('9.000,00\u00a0€');

  // Meanwhile the site plan became part of another application (as if sent twice from
  // two devices): only the server knows, and says so when this one is sent.
  const draft = JSON.parse(
    (await page.evaluate(() => localStorage.getItem('rathaus.v1.draft.bauantrag'))) ?? '{}',
  );
  const upload = async (name: string) => {
    const stored = await request.post('/api/v1/attachments', {
      headers: { 'Content-Type': 'application/pdf', 'Attachment-Name': name },
      data: pdf(name).buffer,
    });
    expect(stored.status()).toBe(201);
    return { files: [await stored.json()] };
  };
  const other = await request.post('/api/v1/applications', {
    headers: { 'Idempotency-Key': `other-${Date.now()}` },
    data: {
      service_id: 'bauantrag',
      service_version: 1,
      answers: {
        ...draft.answers,
        bauzeichnungen: await upload('andere-zeichnung.pdf'),
        baubeschreibung: await upload('andere-beschreibung.pdf'),
      },
    },
  });
  expect(other.status()).toBe(201);

  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText('Prüfen Sie Ihre Angabe bei „Lageplan“');
  await expectAccessible(page);
  await summary.getByRole('link').click();

  // On the step of the question, the message stands at the field; a new file fixes it.
  await arriveAt(page, 'Bauvorlagen');
  await expect(page.locator('#lageplan-error')).toHaveText('Fehler: Prüfen Sie Ihre Angabe bei „Lageplan“');
  await expect(page.getByLabel('Lageplan')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Entfernen lageplan.pdf' }).click();
  await page.getByLabel('Lageplan').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await expect(page.locator('#lageplan-error')).toHaveCount(0);
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Zahlung ausstehend');
});
