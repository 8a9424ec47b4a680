// Registering a new address with two more people moving in (a repeatable group), a
// secondary residence (a conditional step) and the landlord's confirmation (a file).
import { test, expect, type Page } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, expectAccessible, expectFocusOnHeading, fillAddress, fillDate, logIn } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The questions about one more person, on that person's page. */
async function describePerson(page: Page, given: string, birth: [string, string, string], relation: string) {
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('Vornamen').fill(given);
  await fillDate(page, ...birth);
  await page.getByLabel('In welcher Beziehung steht die Person zu Ihnen?').selectOption({ label: relation });
}

test('register a secondary residence with two more people and the landlord’s confirmation', async ({ page }) => {
  await page.goto('/services/wohnsitzanmeldung');
  await arriveAt(page, 'Wohnsitz anmelden');
  await expect(page.getByText('gebührenfrei')).toBeVisible();
  // The online ID is required: logged in first, with the test provider's citizen.
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'neue Testperson Erika Mustermann');
  await arriveAt(page, 'Wohnsitz anmelden');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Wann sind Sie eingezogen?');
  await fillDate(page, '2', '11', '2026');
  await continueTo(page, 'Neue Wohnung');
  // Whether this is the main residence decides about a further step: no total yet.
  await expect(page.locator('.caption')).toHaveText(/· Schritt 2$/);

  // The address is one question with four boxes; a missing town is named as such.
  // The new flat is not the browser's saved home: nothing is filled into it.
  await expect(page.locator('#neue_anschrift-street')).toHaveAttribute('autocomplete', 'off');
  await page.getByLabel('Straße und Hausnummer').fill('Markt 1');
  // Only a flat in the city is registered here: a postcode elsewhere is named at its box.
  await page.getByLabel('Postleitzahl').fill('10115');
  await page.getByLabel('Nein, ich habe woanders eine Hauptwohnung (Nebenwohnung)').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#neue_anschrift-error')).toHaveText(
    'Fehler: Die Postleitzahl bei „Anschrift der neuen Wohnung“ gehört nicht zu Musterstadt: Geben Sie eine Anschrift in Musterstadt an',
  );
  await expect(page.locator('#neue_anschrift-postcode')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await expect(page.getByLabel('Straße und Hausnummer')).toHaveValue('Markt 1');
  await page.getByLabel('Postleitzahl').fill('44135');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#neue_anschrift-error')).toHaveText(
    'Fehler: Geben Sie bei „Anschrift der neuen Wohnung“ den Ort an',
  );
  await expect(page.locator('#neue_anschrift-town')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#neue_anschrift-street')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.locator('.error-summary').getByRole('link').click();
  await expect(page.locator('#neue_anschrift-town')).toBeFocused();
  await page.getByLabel('Ort', { exact: true }).fill('Musterstadt');

  // A secondary residence: the main residence is asked on a step of its own.
  await continueTo(page, 'Anschrift Ihrer Hauptwohnung');
  await expect(page.getByText('Schritt 3 von 8')).toBeVisible();
  // The main residence is the citizen's own address, which a browser may fill in.
  await expect(page.locator('#hauptwohnung_anschrift-street')).toHaveAttribute('autocomplete', 'address-line1');
  await expect(page.locator('#hauptwohnung_anschrift-postcode')).toHaveAttribute('autocomplete', 'postal-code');
  await fillAddress(page, 'Lindenweg 4', '10115', 'Berlin');
  await continueTo(page, 'Bisherige Wohnung');
  await page.getByLabel('Aus Deutschland').check();
  await expect(page.getByText('Anschrift der bisherigen Wohnung')).toBeVisible();
  await page.getByLabel('Aus dem Ausland').check();
  await expect(page.getByText('Anschrift der bisherigen Wohnung')).toHaveCount(0);
  await page.getByLabel('Aus welchem Staat ziehen Sie zu?').fill('Österreich');
  await continueTo(page, 'Ihre Angaben');
  // Name and birth date are the login's: shown, not asked; the birth place is
  // filled in and may be changed.
  await expect(page.getByTestId('locked-familienname')).toContainText('Mustermann');
  await expect(page.getByTestId('locked-vornamen')).toContainText('Erika');
  await expect(page.getByTestId('locked-geburtsdatum')).toContainText('1964');
  await expect(page.getByTestId('locked-geburtsdatum')).toContainText('Aus Ihrer Anmeldung übernommen');
  await expect(page.getByLabel('Familienname')).toHaveCount(0);
  await expect(page.getByLabel('Geburtsort')).toHaveValue('Berlin');
  await page.getByLabel('Geburtsort').fill('Wien');
  await page.getByLabel('Staatsangehörigkeit').selectOption({ label: 'österreichisch' });

  // The group: nobody added yet, so the page asks whether anyone else moves in.
  await continueTo(page, 'Weitere Personen');
  await expect(page.getByText('Noch keine Angaben.')).toBeVisible();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#add-another-error')).toHaveText(
    'Fehler: Wählen Sie bei „Zieht eine weitere Person mit Ihnen ein?“ eine Antwort aus',
  );
  await expectAccessible(page);
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Person 1');
  await expectFocusOnHeading(page);
  await describePerson(page, 'Max', ['1', '1', '1983'], 'Ehepartnerin oder Ehepartner');
  await expect(page.getByText('Sind Sie für dieses Kind sorgeberechtigt?')).toHaveCount(0);
  await continueTo(page, 'Weitere Personen');
  await expect(page.locator('.summary-list')).toContainText('Person 1: Max');
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Person 2');
  // A child under 18: the question on parental responsibility appears, and must be answered.
  await describePerson(page, 'Lena', ['5', '6', '2015'], 'Kind');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#person_sorgeberechtigt-error')).toHaveText(
    'Fehler: Wählen Sie bei „Sind Sie für dieses Kind sorgeberechtigt?“ eine Antwort aus',
  );
  await expect(page).toHaveTitle(/^Fehler: Person 2/);
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Ja' }).check();
  await continueTo(page, 'Weitere Personen');
  await expect(page.locator('.summary-list')).toContainText('Person 2: Lena');

  // Remove and add again: the list keeps up, nothing else is lost.
  await page.getByRole('button', { name: 'Entfernen Person 2' }).click();
  await expect(page.locator('.summary-list')).not.toContainText('Lena');
  await expectFocusOnHeading(page);
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Person 2');
  await describePerson(page, 'Lena', ['5', '6', '2015'], 'Kind');
  await page.getByRole('radio', { name: 'Ja' }).check();
  await continueTo(page, 'Weitere Personen');
  await page.getByLabel('Nein').check();

  // The landlord's confirmation: a file the device checks first, then uploads.
  await continueTo(page, 'Laden Sie die Wohnungsgeberbestätigung hoch');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#wohnungsgeberbestaetigung-error')).toHaveText(
    'Fehler: Laden Sie die Wohnungsgeberbestätigung hoch',
  );
  await expectAccessible(page);
  await page.getByLabel('Laden Sie die Wohnungsgeberbestätigung hoch').setInputFiles({
    name: 'notiz.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('keine Bestätigung'),
  });
  await expect(page.locator('#wohnungsgeberbestaetigung-error')).toHaveText(
    'Fehler: „Laden Sie die Wohnungsgeberbestätigung hoch“ muss eine Datei dieser Art sein: PDF, JPEG, PNG',
  );
  await page
    .getByLabel('Laden Sie die Wohnungsgeberbestätigung hoch')
    .setInputFiles(join(fixtures, 'wohnungsgeberbestaetigung.pdf'));
  await expect(page.getByText('Hochgeladen: wohnungsgeberbestaetigung.pdf')).toBeVisible();
  await expect(page.locator('.file-upload__list')).toContainText('wohnungsgeberbestaetigung.pdf');
  await expect(page.locator('#wohnungsgeberbestaetigung-error')).toHaveCount(0);
  await expectAccessible(page);
  await continueTo(page, 'Kontakt');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  // Check your answers: each person under their own heading, each with a change link.
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Person 1' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Person 2' })).toBeVisible();
  await expect(main).toContainText('Markt 1, 44135 Musterstadt');
  await expect(main).toContainText('Lindenweg 4, 10115 Berlin');
  await expect(main).toContainText('wohnungsgeberbestaetigung.pdf');
  await expect(main).not.toContainText('Anschrift der bisherigen Wohnung');
  // What came from the login says so, and cannot be changed here.
  const fromLogin = main.locator('.summary-list__row').filter({ hasText: 'Aus Ihrer Anmeldung übernommen' });
  const givenNames = fromLogin.filter({ has: page.locator('dt', { hasText: /^Vornamen$/ }) });
  await expect(givenNames).toHaveCount(1);
  await expect(givenNames).toContainText('Erika');
  await expect(givenNames.getByRole('link')).toHaveCount(0);

  // Change the child's first name and come back here.
  // Each change link names its item: the same question is asked of every person.
  await main.getByRole('link', { name: 'Ändern Vornamen (Person 2)' }).click();
  await arriveAt(page, 'Person 2');
  await expect(page.getByLabel('Vornamen')).toHaveValue('Lena');
  await page.getByLabel('Vornamen').fill('Lena Marie');
  await continueTo(page, 'Weitere Personen');
  await page.getByLabel('Nein').check();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(main).toContainText('Lena Marie');

  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await arriveAt(page, 'Antrag gesendet');
});
