// Extending the right of use of a grave (Grabnutzungsrecht): the fee is a rate per grave
// place and year that depends on the type of grave (95 € for a Wahlgrab, 70 € for an
// Urnenwahlgrab, 110 € for a Rasenwahlgrab), the grave number has a pattern, and with a
// burial coming up the right must still run for the rest period of 20 years after it:
// the whole years it still runs are worked out on the page, and too short an extension
// ends on a stopping page. A Reihengrab or Urnenreihengrab cannot be extended at all.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

test('an urn family grave with 2 places extended by 10 years before a burial, after correcting the grave number', async ({
  page,
}) => {
  await page.goto('/services/grabstelle');
  await arriveAt(page, 'Grabnutzungsrecht verlängern');
  await expect(
    page.getByText(
      'Je Grabstelle und Jahr: 95 € für ein Wahlgrab, 70 € für ein Urnenwahlgrab und 110 € für ein Rasenwahlgrab (mit Rasenpflege). Zum Beispiel ein Urnenwahlgrab mit 2 Grabstellen für 10 Jahre: 1.400 €.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Um welche Grabart handelt es sich?');
  await page.getByLabel('Urnenwahlgrab', { exact: true }).check();

  await continueTo(page, 'Sind Sie nutzungsberechtigt?');
  await page.getByLabel('Ja, ich bin nutzungsberechtigt').check();

  // The grave number typed with slashes: the author's words, next to the question.
  await continueTo(page, 'Die Grabstätte');
  await page
    .getByLabel('Auf welchem Friedhof liegt die Grabstätte?')
    .selectOption({ label: 'Hauptfriedhof, Am Gottesacker (Innenstadt-Ost)' });
  const grabnummer = page.getByLabel('Grabnummer', { exact: true });
  await grabnummer.fill('B12/3/45');
  await page.getByLabel('Wie viele Grabstellen hat die Grabstätte?').fill('2');
  // The right of use still runs for a little over 12 years.
  await fillDateIn(page, 'Bis wann läuft das Nutzungsrecht bisher?', daysFromToday(12 * 365 + 30));
  await page.getByLabel('Name einer Person, die in dem Grab beigesetzt ist (optional)').fill('Heinrich Mustermann');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#grabnummer-error')).toHaveText(
    'Fehler: Geben Sie die Grabnummer mit Feld, Reihe und Nummer ein, getrennt durch Bindestriche, zum Beispiel B12-3-45',
  );
  await expect(grabnummer).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#stellen-error')).toHaveCount(0);
  await expectAccessible(page);
  await grabnummer.fill('B12-3-45');

  // An urn is to be buried in the grave in 10 days.
  await continueTo(page, 'Beisetzung');
  await expect(page.getByLabel('Tag', { exact: true })).toHaveCount(0);
  await page.getByLabel('Ja', { exact: true }).check();
  await fillDateIn(page, 'Tag der Beisetzung', daysFromToday(10));

  // After the burial the right runs 12 more whole years: 5 more are not enough for the
  // rest period of 20 years.
  await continueTo(page, 'Verlängerung');
  const rest = page.getByTestId('computed-restlaufzeit');
  await expect(rest).toContainText('Volle Jahre, die das Nutzungsrecht nach der Beisetzung noch läuft');
  await expect(rest.locator('.computed__value')).toHaveText('12');
  const jahre = page.getByLabel('Um wie viele Jahre möchten Sie das Nutzungsrecht verlängern?');
  await jahre.fill('5');
  await continueTo(page, 'Die Verlängerung reicht nicht bis zum Ende der Ruhezeit');
  await expect(page.getByText(/Nach der Beisetzung muss das Nutzungsrecht noch mindestens 20 Jahre laufen/)).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Kontakt und Öffnungszeiten der Friedhofsverwaltung', exact: true }),
  ).toHaveAttribute('href', '/info/grabstelle');
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);

  // Back, and 10 years: 22 years after the burial.
  await page.getByRole('link', { name: 'Zurück', exact: true }).click();
  await arriveAt(page, 'Verlängerung');
  await jahre.fill('10');

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Hermannstraße 21', '44263', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  // Acting for herself: no holder to name, no power of attorney.
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Urnenwahlgrab');
  await expect(main).toContainText('Ja, ich bin nutzungsberechtigt');
  await expect(main).toContainText('Hauptfriedhof, Am Gottesacker (Innenstadt-Ost)');
  await expect(main).toContainText('B12-3-45');
  await expect(main).toContainText('Heinrich Mustermann');
  await expect(main).toContainText('Volle Jahre, die das Nutzungsrecht nach der Beisetzung noch läuft');
  await expect(main).toContainText('Hermannstraße 21, 44263 Musterstadt');
  await expect(main).toContainText('erika.mustermann@example.org');
  await expect(main).not.toContainText('Anschrift der nutzungsberechtigten Person');
  // 70 € × 2 grave places × 10 years.
  await expect(page.locator('.fee__amount')).toHaveText('1.400,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind und dass ich nutzungsberechtigt bin oder mit einer Vollmacht der nutzungsberechtigten Person handle.',
    )
    .check();
  await sendAndPay(page, '1.400,00\u00a0€');
});

test('a Reihengrab cannot be extended', async ({ page }) => {
  await openService(page, 'grabstelle', 'Grabnutzungsrecht verlängern');
  await arriveAt(page, 'Um welche Grabart handelt es sich?');
  await page.getByLabel('Reihengrab', { exact: true }).check();

  await continueTo(page, 'Reihengräber und Urnenreihengräber können Sie nicht verlängern');
  await expect(page.getByText(/vergeben wir nur für die Ruhezeit von 20 Jahren/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Kontakt und Öffnungszeiten der Friedhofsverwaltung', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/grabstelle');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
