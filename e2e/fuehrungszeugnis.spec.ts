// The whole Führungszeugnis journey, as a citizen does it: find the service, answer the
// questions (with a mistake that gets fixed), check, change, send, and find the case
// again by its number and access code.
import { test, expect } from '@playwright/test';
import {
  chooseLanguage,
  arriveAt,
  continueTo,
  expectAccessible,
  expectFocusOnHeading,
  logIn,
  logInForFuehrungszeugnis,
  startApplication,
} from './helpers';

test('apply for a certificate for an authority, fix a mistake, send it, look it up', async ({ page, request }) => {
  // Found in the catalogue, as a citizen would.
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Führungszeugnis beantragen' }).click();
  await arriveAt(page, 'Führungszeugnis beantragen');
  await expect(page.getByText('13,00 €')).toBeVisible();
  // The online ID is required: log in at the city's (test) identity provider first.
  await expect(page.getByTestId('identification')).toContainText('Online-Ausweisfunktion');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'neue Testperson Erika Mustermann');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expectFocusOnHeading(page);
  // The answer to this one decides how many steps follow: no total yet, rather than
  // one that changes ("1 von 7", then "2 von 8").
  await expect(page.locator('.caption')).toHaveText(/· Schritt 1$/);

  // Continue without an answer: the error summary, the message at the field, the title.
  await page.getByRole('button', { name: 'Weiter' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Es gibt ein Problem');
  await expect(summary.getByRole('link')).toHaveText('Wählen Sie aus, welches Führungszeugnis Sie brauchen');
  await expect(page.locator('#kind-error')).toHaveText('Fehler: Wählen Sie aus, welches Führungszeugnis Sie brauchen');
  await expect(page).toHaveTitle(/^Fehler: Welches Führungszeugnis brauchen Sie\?/);
  await expectAccessible(page);
  await summary.getByRole('link').click();
  await expect(page.locator('#kind')).toBeFocused();

  await page.getByLabel('Zur Vorlage bei einer Behörde (Belegart O)').check();
  await continueTo(page, 'An welche Behörde soll das Führungszeugnis gehen?');
  await expectFocusOnHeading(page);
  await page.getByLabel('Name der Behörde').fill('Jugendamt der Stadt Musterstadt');
  await page.getByLabel('Straße und Hausnummer').fill('Rathausplatz 1');
  await page.getByLabel('Postleitzahl').fill('4413');
  await page.getByLabel('Ort', { exact: true }).fill('Musterstadt');
  await page.getByRole('button', { name: 'Weiter' }).click();

  // A postcode with four digits: said next to the field, everything typed is still there.
  const postcode = page.getByLabel('Postleitzahl');
  await expect(page.locator('#authority_postcode-error')).toHaveText(
    'Fehler: Geben Sie eine Postleitzahl mit 5 Ziffern ein, zum Beispiel 44135',
  );
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAttribute('aria-describedby', 'authority_postcode-error');
  await expect(page.getByLabel('Name der Behörde')).toHaveValue('Jugendamt der Stadt Musterstadt');
  await expect(postcode).toHaveValue('4413');
  await expectAccessible(page);
  await postcode.fill('44135');
  // Fixing the answer removes its error at once; nothing new appears while typing.
  await expect(page.locator('#authority_postcode-error')).toHaveCount(0);
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');

  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Ehrenamt in der Jugendarbeit');
  await continueTo(page, 'Wie heißen Sie?');
  // Names, birth date and place are the login's: shown, not asked.
  await expect(page.getByTestId('locked-given_names')).toContainText('Erika');
  await expect(page.getByTestId('locked-family_name')).toContainText('Aus Ihrer Anmeldung übernommen');
  await expect(page.getByLabel('Vornamen')).toHaveCount(0);
  await page.getByLabel('Geburtsname (optional)').fill('Gabler');
  await continueTo(page, 'Wann und wo sind Sie geboren?');
  await expect(page.getByTestId('locked-birth_date')).toContainText('12. August 1964');
  await expect(page.getByTestId('locked-birth_place')).toContainText('Berlin');
  await continueTo(page, 'Welche Staatsangehörigkeit haben Sie?');
  await page.getByLabel('Welche Staatsangehörigkeit haben Sie?').fill('deutsch');
  await continueTo(page, 'Wo wohnen Sie?');
  await page.getByLabel('Straße und Hausnummer').fill('Heidestraße 17');
  await page.getByLabel('Postleitzahl').fill('51147');
  await page.getByLabel('Ort', { exact: true }).fill('Köln');
  // No delivery step: an authority's certificate goes to the authority.
  await continueTo(page, 'E-Mail-Adresse (optional)');
  await expect(page.getByText('Schritt 8 von 8')).toBeVisible();
  await continueTo(page, 'Prüfen Sie Ihre Angaben');

  const answers = page.locator('main');
  await expect(answers).toContainText('Zur Vorlage bei einer Behörde (Belegart O)');
  await expect(answers).toContainText('12. August 1964');
  await expect(answers).toContainText('Jugendamt der Stadt Musterstadt');
  await expect(answers).toContainText('Nicht angegeben');
  await expect(answers).toContainText('13,00 €');
  await expect(answers).not.toContainText('Wohin soll das Führungszeugnis geschickt werden?');

  // Change one answer and come straight back.
  await page.getByRole('link', { name: 'Ändern Wofür brauchen Sie das Führungszeugnis?' }).click();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(page.getByRole('link', { name: 'Zurück' })).toHaveAttribute('href', /\/check$/);
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Tätigkeit als Schöffe');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(answers).toContainText('Tätigkeit als Schöffe');

  // The declaration must be confirmed before sending.
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#declaration-error')).toContainText('Bestätigen Sie die Erklärung');
  await expectAccessible(page);
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();

  await arriveAt(page, 'Zahlung ausstehend');
  const caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
  const accessCode = (await page.getByTestId('access-code').textContent())!.trim();
  expect(caseNumber).toMatch(/^\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('Offene Gebühr: 13,00 €')).toBeVisible();
  expect(page.url()).not.toContain(accessCode);

  // The confirmation survives a reload; going back does not offer to send again.
  await page.reload();
  await arriveAt(page, 'Zahlung ausstehend');
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await page.goBack();
  await arriveAt(page, 'Diesen Antrag haben Sie bereits abgeschickt');
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);

  // Found again through the status lookup, typed loosely, as people do.
  await page.getByRole('link', { name: 'Status', exact: true }).click();
  await arriveAt(page, 'Stand Ihres Antrags');
  await page.getByLabel('Vorgangsnummer').fill(caseNumber.toLowerCase());
  await page.getByLabel('Zugangscode').fill(accessCode.replaceAll('-', ' ').toLowerCase());
  await page.getByRole('button', { name: 'Stand anzeigen' }).click();
  await expect(page.getByRole('heading', { name: /Aktueller Stand: Eingegangen/ })).toBeVisible();
  await expect(page.locator('main')).toContainText('Führungszeugnis beantragen');
  await expectAccessible(page);

  // The server has exactly this one case for this code.
  const lookup = await request.get(`/api/v1/applications/${caseNumber}`, {
    headers: { Authorization: `AccessCode ${accessCode}` },
  });
  expect(lookup.status()).toBe(200);
  expect((await lookup.json()).events).toHaveLength(1);
});

test('a wrong access code gets the same answer as an unknown case', async ({ page }) => {
  await page.goto('/status');
  await arriveAt(page, 'Stand Ihres Antrags');
  await page.getByRole('button', { name: 'Stand anzeigen' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#case-number-error')).toHaveText('Fehler: Geben Sie die Vorgangsnummer ein');
  await expectAccessible(page);
  await page.getByLabel('Vorgangsnummer').fill('2026-AAAA-BBBB');
  await page.getByLabel('Zugangscode').fill('CCCC-DDDD-EEEE');
  await page.getByRole('button', { name: 'Stand anzeigen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Wir haben keinen Antrag mit dieser Vorgangsnummer und diesem Zugangscode gefunden',
  );
  await expectAccessible(page);
});

test('private certificate: the delivery step, its conditional address, and the back button', async ({ page }) => {
  await startApplication(page);
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Bewerbung');

  // The browser's back button returns to the previous step with the answer kept.
  await page.goBack();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expect(page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)')).toBeChecked();
  await page.goForward();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(page.getByLabel('Wofür brauchen Sie das Führungszeugnis?')).toHaveValue('Bewerbung');

  // A reload keeps everything typed so far.
  await page.reload();
  await arriveAt(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await expect(page.getByLabel('Wofür brauchen Sie das Führungszeugnis?')).toHaveValue('Bewerbung');

  await continueTo(page, 'Wie heißen Sie?');
  await continueTo(page, 'Wann und wo sind Sie geboren?');
  await continueTo(page, 'Welche Staatsangehörigkeit haben Sie?');
  await page.getByLabel('Welche Staatsangehörigkeit haben Sie?').fill('deutsch, italienisch');
  await continueTo(page, 'Wo wohnen Sie?');
  await page.getByLabel('Straße und Hausnummer').fill('Lindenallee 3');
  await page.getByLabel('Postleitzahl').fill('20095');
  await page.getByLabel('Ort', { exact: true }).fill('Hamburg');
  await continueTo(page, 'Zustellung');

  // The different-address fields appear only when that option is chosen.
  await expect(page.getByLabel('Ort', { exact: true })).toHaveCount(0);
  await page.getByLabel('An eine andere Anschrift').check();
  await expect(page.getByLabel('Ort', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary li')).toHaveCount(3);
  await expectAccessible(page);
  await page.getByLabel('An meine Wohnanschrift').check();
  await expect(page.getByLabel('Ort', { exact: true })).toHaveCount(0);
  await continueTo(page, 'E-Mail-Adresse (optional)');
  // Filled in from the login, and the citizen's to change.
  await expect(page.getByLabel('E-Mail-Adresse (optional)')).toHaveValue('erika.mustermann@example.org');
  await page.getByLabel('E-Mail-Adresse (optional)').fill('max@beispiel');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#email-error')).toContainText('E-Mail-Adresse im richtigen Format');
  await page.getByLabel('E-Mail-Adresse (optional)').fill('max@beispiel.de');
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('main')).toContainText('An meine Wohnanschrift');
});

test('a birth date from the login that the service refuses is said, though it cannot be changed', async ({ page }) => {
  // Jonas (born 2014) logs in with a valid ID, but is under 14.
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Anmelden und beginnen' }).click();
  await logIn(page, 'Jonas Beispiel');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await continueTo(page, 'Wofür brauchen Sie das Führungszeugnis?');
  await page.getByLabel('Wofür brauchen Sie das Führungszeugnis?').fill('Bewerbung');
  await continueTo(page, 'Wie heißen Sie?');
  await continueTo(page, 'Wann und wo sind Sie geboren?');
  await page.getByRole('button', { name: 'Weiter' }).click();
  // Too young: the author's own words, next to the answer, and the summary leads there.
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page.locator('#birth_date-day')).toHaveText(
    'Fehler: Ein Führungszeugnis können Sie ab 14 Jahren beantragen',
  );
  await expectAccessible(page);
  await summary.getByRole('link').click();
  await expect(page.locator('#birth_date-day')).toBeFocused();
});

test('the app speaks English when asked, and remembers it', async ({ page }) => {
  await logInForFuehrungszeugnis(page);
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await chooseLanguage(page, 'English');
  await arriveAt(page, 'Apply for services online');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Apply for a certificate of good conduct' }).click();
  await arriveAt(page, 'Apply for a certificate of good conduct');
  await expect(page.getByText('€13.00')).toBeVisible();
  await page.reload();
  await arriveAt(page, 'Apply for a certificate of good conduct');
  await page.getByRole('button', { name: 'Start now' }).click();
  await arriveAt(page, 'Which certificate do you need?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#kind-error')).toHaveText('Error: Select which certificate you need');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
});

test('an unknown address shows a page-not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await arriveAt(page, 'Seite nicht gefunden');
  await page.goto('/services/no-such-service');
  await arriveAt(page, 'Seite nicht gefunden');
});
