// An extract from the real-estate cadastre: the plot is named by Gemarkung, Flur and
// Flurstück (a pattern) or by its address, the fee adds up the extracts chosen (15 € for
// the map, 20 € for the parcel and ownership record), and the owners' details need a
// legitimate interest: here a power of attorney, uploaded. Without one the record cannot
// be ordered (a stopping page), nor can a plot outside North Rhine-Westphalia.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible, fillAddress, sendAndPay, openService } from './helpers';

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\ntrailer << >>\n%%EOF\n`),
});

test('map and ownership record as PDF with a power of attorney, after correcting the parcel number', async ({ page }) => {
  await page.goto('/services/liegenschaftskarte');
  await arriveAt(page, 'Auszug aus dem Liegenschaftskataster');
  await expect(
    page.getByText(
      '15 € für den Auszug aus der Liegenschaftskarte, 20 € für den Flurstücks- und Eigentumsnachweis, beide zusammen 35 €. Als PDF und auf Papier kostet es dasselbe.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  // How the plot is named is asked only once it lies in North Rhine-Westphalia.
  await arriveAt(page, 'Das Grundstück');
  await expect(page.getByLabel('Mit der Anschrift')).toHaveCount(0);
  await page.getByLabel('Ja', { exact: true }).check();
  await page.getByLabel('Mit Gemarkung, Flur und Flurstück').check();

  // The parcel number typed with a hyphen: the author's words, next to the question.
  await continueTo(page, 'Angaben zum Flurstück');
  await page.getByLabel('Gemarkung', { exact: true }).fill('Musterstadt-Nord');
  await page.getByLabel('Flur', { exact: true }).fill('3');
  const flurstueck = page.getByLabel('Flurstück', { exact: true });
  await flurstueck.fill('123-4');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#flurstueck_nummer-error')).toHaveText(
    'Fehler: Geben Sie die Nummer des Flurstücks mit Ziffern und, wenn sie einen hat, einem Schrägstrich ein, zum Beispiel 123/4',
  );
  await expect(flurstueck).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#gemarkung-error')).toHaveCount(0);
  await expect(page.locator('#flur-error')).toHaveCount(0);
  await expectAccessible(page);
  await flurstueck.fill('123/4');

  // Both extracts.
  await continueTo(page, 'Ihre Bestellung');
  await page.getByRole('checkbox', { name: 'Auszug aus der Liegenschaftskarte (Flurkarte)' }).check();
  await page.getByRole('checkbox', { name: 'Flurstücks- und Eigentumsnachweis' }).check();
  await page.getByLabel('Für einen Kauf, einen Verkauf oder eine Erbschaft').check();

  // The owners' details: ordered with the owner's power of attorney.
  await continueTo(page, 'Ihr berechtigtes Interesse');
  await expect(page.getByLabel('Laden Sie die Vollmacht hoch')).toHaveCount(0);
  await page.getByLabel('Ich habe eine Vollmacht der Eigentümerin oder des Eigentümers').check();
  await page.getByLabel('Name der Eigentümerin oder des Eigentümers').fill('Helga Mustermann');
  await page.getByLabel('Laden Sie die Vollmacht hoch').setInputFiles(pdf('vollmacht.pdf'));
  await expect(page.getByText('Hochgeladen: vollmacht.pdf')).toBeVisible();
  await expect(page.getByLabel('Beschreiben Sie Ihr berechtigtes Interesse')).toHaveCount(0);

  // As a PDF: no postal address to give.
  await continueTo(page, 'Zustellung');
  await page.getByLabel('Als PDF per E-Mail').check();
  await expect(page.getByLabel('Straße und Hausnummer')).toHaveCount(0);

  // The telephone number is optional: left empty.
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Mit Gemarkung, Flur und Flurstück');
  await expect(main).toContainText('Musterstadt-Nord');
  await expect(main).toContainText('123/4');
  await expect(main).toContainText('Auszug aus der Liegenschaftskarte (Flurkarte), Flurstücks- und Eigentumsnachweis');
  await expect(main).toContainText('Für einen Kauf, einen Verkauf oder eine Erbschaft');
  await expect(main).toContainText('Ich habe eine Vollmacht der Eigentümerin oder des Eigentümers');
  await expect(main).toContainText('Helga Mustermann');
  await expect(main).toContainText('vollmacht.pdf');
  await expect(main).toContainText('Als PDF per E-Mail');
  await expect(main).toContainText('erika.mustermann@example.org');
  // 15 € for the map and 20 € for the parcel and ownership record.
  await expect(page.locator('.fee__amount')).toHaveText('35,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind und dass ich Angaben zu Eigentümern nur für den genannten Zweck verwende.',
    )
    .check();
  await sendAndPay(page, '35,00\u00a0€');
});

test('without a legitimate interest the ownership record cannot be ordered', async ({ page }) => {
  await openService(page, 'liegenschaftskarte', 'Auszug aus dem Liegenschaftskataster');
  await arriveAt(page, 'Das Grundstück');
  await page.getByLabel('Ja', { exact: true }).check();
  await page.getByLabel('Mit der Anschrift').check();

  await continueTo(page, 'Welche Anschrift hat das Grundstück?');
  await fillAddress(page, 'Am Feldrain 12', '44137', 'Musterstadt');

  await continueTo(page, 'Ihre Bestellung');
  await page.getByRole('checkbox', { name: 'Flurstücks- und Eigentumsnachweis' }).check();
  await page.getByLabel('Für einen Kauf, einen Verkauf oder eine Erbschaft').check();
  await continueTo(page, 'Ihr berechtigtes Interesse');
  await page.getByLabel('Nichts davon').check();

  await continueTo(page, 'Den Eigentumsnachweis können wir Ihnen nicht geben');
  await expect(page.getByText(/Gehen Sie zurück und wählen Sie nur den Auszug aus der Liegenschaftskarte/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Liegenschaftskarte in TIM-online ansehen', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.tim-online.nrw.de');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});

test('a plot outside North Rhine-Westphalia is for the cadastral office there', async ({ page }) => {
  await openService(page, 'liegenschaftskarte', 'Auszug aus dem Liegenschaftskataster');
  await arriveAt(page, 'Das Grundstück');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Für ein Grundstück außerhalb von Nordrhein-Westfalen ist das Katasteramt dort zuständig');
  await expect(page.getByText(/Das Liegenschaftskataster führt jedes Bundesland selbst/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Vermessungsverwaltungen der Länder', exact: true });
  await expect(link).toHaveAttribute('href', 'https://www.adv-online.de');
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
});
