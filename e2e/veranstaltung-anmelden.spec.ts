// Registering an event in public space with the Ordnungsamt: the first day counts from
// today (at least six weeks ahead), the last from the first (at most 14 days in all),
// the number of days is worked out on the page, daily times are times of day; the fee
// follows the expected visitors in tiers (50 €, 150 €, 300 €) plus 25 € per day for an
// event of several days; "none of these" options stand alone, info texts point to the
// Gestattung and the night-time quiet, a site plan is uploaded (and, on private land,
// the owner's consent; above 5,000 visitors a safety plan), the club's register number
// has a pattern and the events calendar is an optional consent. A party with invited
// guests only and a demonstration are sent elsewhere (stopping pages).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture's content under the name a citizen's own file would have. */
function file(fixture: string, name: string, mimeType: string) {
  return { name, mimeType, buffer: readFileSync(join(fixtures, fixture)) };
}

test('a two-day street party of a club with 800 visitors, after correcting a last day too late', async ({ page }) => {
  await page.goto('/services/veranstaltung-anmelden');
  await arriveAt(page, 'Veranstaltung anmelden');
  await expect(
    page.getByText(
      /Die Gebühr richtet sich nach der Zahl der Besucher: bis 500 Besucher 50 €, bis 5\.000 Besucher 150 €, bei mehr als 5\.000 Besuchern 300 €/,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Art und Ort der Veranstaltung');
  await page.getByLabel('Straßenfest oder Stadtteilfest').check();
  await page.getByLabel('Auf einer öffentlichen Fläche').check();

  // The route is asked only for a parade.
  await continueTo(page, 'Angaben zur Veranstaltung');
  await expect(page.getByLabel('Strecke des Umzugs')).toHaveCount(0);
  await page.getByLabel('Name der Veranstaltung').fill('Sommerfest Lindenstraße');
  await page.getByLabel('Was ist geplant?').fill('Live-Musik auf einer kleinen Bühne, Kinderprogramm und Essensstände.');
  await fillAddress(page, 'Lindenstraße 12', '44137', 'Musterstadt');
  await page.getByLabel('Genaue Fläche').fill('Lindenstraße zwischen Hausnummer 2 und 40');
  await page.getByLabel('Wie viele Besucherinnen und Besucher erwarten Sie höchstens gleichzeitig?').fill('800');
  await page.getByLabel('Aktenzeichen aus dem Vorjahr').fill('VA-2025-01234');

  // Three weeks in all is longer than an event may last: the author's words, next to the last day.
  await continueTo(page, 'Wann findet die Veranstaltung statt?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(60));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(80));
  await page.getByLabel('Täglich von', { exact: true }).fill('14:00');
  await page.getByLabel('Täglich bis', { exact: true }).fill('22:00');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#ende-error')).toHaveText(
    'Fehler: Die Veranstaltung darf höchstens 14 Tage dauern. Geben Sie einen früheren letzten Tag ein',
  );
  await expect(page.locator('#beginn-error')).toHaveCount(0);
  await expectAccessible(page);
  // A Saturday and a Sunday, say: two days, both counted, worked out as the dates change.
  await fillDateIn(page, 'Letzter Tag', daysFromToday(61));
  const tage = page.getByTestId('computed-tage');
  await expect(tage).toContainText('Anzahl der Tage');
  await expect(tage.locator('.computed__value')).toHaveText('2');
  await expect(page.locator('#ende-error')).toHaveCount(0);

  // "Nichts davon" is ticked alone; loudspeakers and alcohol bring their notes.
  await continueTo(page, 'Aufbauten, Musik und Verpflegung');
  const aufbauten = page.getByRole('group', { name: 'Was bauen Sie auf, was ist geplant?' });
  await aufbauten.getByLabel('Nichts davon').check();
  await aufbauten.getByLabel('Eine Bühne oder ein Podest').check();
  await expect(aufbauten.getByLabel('Nichts davon')).not.toBeChecked();
  await expect(page.getByRole('heading', { name: 'Musik und Nachtruhe' })).toHaveCount(0);
  await aufbauten.getByLabel('Musik oder Durchsagen über Lautsprecher').check();
  await expect(page.getByRole('heading', { name: 'Musik und Nachtruhe' })).toBeVisible();
  const verpflegung = page.getByRole('group', { name: 'Bieten Sie Essen oder Getränke an?' });
  await verpflegung.getByLabel('Essen', { exact: true }).check();
  await verpflegung.getByLabel('Getränke mit Alkohol').check();
  await expect(
    page.getByRole('heading', { name: 'Für den Ausschank von Alkohol brauchen Sie zusätzlich eine Gestattung' }),
  ).toBeVisible();
  await expect(page.getByText(/Diese Anmeldung ersetzt die Gestattung nicht/)).toBeVisible();
  await page
    .getByRole('group', { name: 'Muss für die Veranstaltung eine Straße für Autos gesperrt werden?' })
    .getByLabel('Ja', { exact: true })
    .check();

  // Public land and 800 visitors: a site plan, no owner's consent, no safety plan.
  await continueTo(page, 'Unterlagen');
  await expect(page.getByLabel('Zustimmung der Eigentümerin oder des Eigentümers')).toHaveCount(0);
  await expect(page.getByLabel('Sicherheitskonzept')).toHaveCount(0);
  await page.getByLabel('Lageplan der Veranstaltung').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page
    .getByLabel('Nachweis der Veranstalter-Haftpflichtversicherung')
    .setInputFiles(file('wohnungsgeberbestaetigung.pdf', 'haftpflicht.pdf', 'application/pdf'));
  await expect(page.getByText('Hochgeladen: haftpflicht.pdf')).toBeVisible();

  // A club: its name and register number are asked; the calendar is the citizen's choice.
  await continueTo(page, 'Ihre Angaben');
  await expect(page.getByLabel('Name des Vereins oder des Unternehmens')).toHaveCount(0);
  await page.getByLabel('Ein Verein, eine Initiative oder eine Kirchengemeinde').check();
  await page.getByLabel('Name des Vereins oder des Unternehmens').fill('Bürgerverein Lindenviertel e. V.');
  await page.getByLabel('Vereinsregisternummer').fill('VR 4711');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Lindenstraße 14', '44137', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');
  // An optional consent: the label ends in "(optional)".
  const kalender = page.getByLabel(/Veranstaltungskalender auf musterstadt\.de veröffentlichen\. \(optional\)/);
  await kalender.check();
  await expect(kalender).toBeChecked();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Straßenfest oder Stadtteilfest');
  await expect(main).toContainText('Auf einer öffentlichen Fläche');
  await expect(main).toContainText('Sommerfest Lindenstraße');
  await expect(main).toContainText('Lindenstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('Lindenstraße zwischen Hausnummer 2 und 40');
  await expect(main).toContainText('VA-2025-01234');
  await expect(main).toContainText('Anzahl der Tage');
  await expect(main).toContainText('14:00');
  await expect(main).toContainText('22:00');
  await expect(main).toContainText('Eine Bühne oder ein Podest, Musik oder Durchsagen über Lautsprecher');
  await expect(main).toContainText('Essen, Getränke mit Alkohol');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('haftpflicht.pdf');
  await expect(main).toContainText('Bürgerverein Lindenviertel e. V.');
  await expect(main).toContainText('VR 4711');
  await expect(main).toContainText('Lindenstraße 14, 44137 Musterstadt');
  // Up to 5.000 visitors: 150 €, and 25 € for each of the two days.
  await expect(page.locator('.fee__amount')).toHaveText('200,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich halte die Auflagen ein, sorge für freie Rettungswege und hinterlasse die Fläche sauber.',
    )
    .check();
  await sendAndPay(page, '200,00\u00a0€');
});

test('a one-day concert for 6,000 visitors on a company site needs the owner’s consent and a safety plan', async ({ page }) => {
  await openService(page, 'veranstaltung-anmelden', 'Veranstaltung anmelden');

  await arriveAt(page, 'Art und Ort der Veranstaltung');
  await page.getByLabel('Konzert oder Open-Air-Veranstaltung').check();
  await page.getByLabel('Auf einem privaten Gelände, das für alle zugänglich ist').check();

  await continueTo(page, 'Angaben zur Veranstaltung');
  await page.getByLabel('Name der Veranstaltung').fill('Hafen Open Air');
  await page.getByLabel('Was ist geplant?').fill('Drei Bands auf einer Bühne, Essensstände.');
  await fillAddress(page, 'Hafenstraße 7', '44147', 'Musterstadt');
  await page.getByLabel('Wie viele Besucherinnen und Besucher erwarten Sie höchstens gleichzeitig?').fill('6000');

  await continueTo(page, 'Wann findet die Veranstaltung statt?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(90));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(90));
  await expect(page.getByTestId('computed-tage').locator('.computed__value')).toHaveText('1');
  await page.getByLabel('Täglich von', { exact: true }).fill('16:00');
  await page.getByLabel('Täglich bis', { exact: true }).fill('22.00');

  // On private land no street is closed: not asked.
  await continueTo(page, 'Aufbauten, Musik und Verpflegung');
  await expect(page.getByRole('group', { name: 'Muss für die Veranstaltung eine Straße für Autos gesperrt werden?' })).toHaveCount(0);
  await page.getByLabel('Eine Bühne oder ein Podest').check();
  await page.getByLabel('Getränke ohne Alkohol').check();
  await expect(
    page.getByRole('heading', { name: 'Für den Ausschank von Alkohol brauchen Sie zusätzlich eine Gestattung' }),
  ).toHaveCount(0);

  // More than 5,000 visitors on someone else's land: the consent and a safety plan too.
  await continueTo(page, 'Unterlagen');
  await page.getByLabel('Lageplan der Veranstaltung').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page
    .getByLabel('Zustimmung der Eigentümerin oder des Eigentümers')
    .setInputFiles(file('foto.png', 'zustimmung-hafen.png', 'image/png'));
  await expect(page.getByText('Hochgeladen: zustimmung-hafen.png')).toBeVisible();
  await page
    .getByLabel('Sicherheitskonzept')
    .setInputFiles(file('lageplan.pdf', 'sicherheitskonzept.pdf', 'application/pdf'));
  await expect(page.getByText('Hochgeladen: sicherheitskonzept.pdf')).toBeVisible();

  // A company: no register number.
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Ein Unternehmen', { exact: true }).check();
  await expect(page.getByLabel('Vereinsregisternummer')).toHaveCount(0);
  await page.getByLabel('Name des Vereins oder des Unternehmens').fill('Hafenkultur GmbH');
  await page.getByLabel('Vornamen').fill('Jonas');
  await page.getByLabel('Familienname').fill('Schulte');
  await fillAddress(page, 'Hafenstraße 9', '44147', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('info@hafenkultur.example');
  await page.getByLabel('Telefonnummer').fill('0231 50 67890');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Auf einem privaten Gelände, das für alle zugänglich ist');
  await expect(main).toContainText('6000');
  await expect(main).toContainText('22:00');
  await expect(main).toContainText('zustimmung-hafen.png');
  await expect(main).toContainText('sicherheitskonzept.pdf');
  await expect(main).toContainText('Hafenkultur GmbH');
  // More than 5.000 visitors on one day: 300 €, nothing per day.
  await expect(page.locator('.fee__amount')).toHaveText('300,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich halte die Auflagen ein, sorge für freie Rettungswege und hinterlasse die Fläche sauber.',
    )
    .check();
  await sendAndPay(page, '300,00\u00a0€');
});

test('a garden party with invited guests only needs no registration', async ({ page }) => {
  await openService(page, 'veranstaltung-anmelden', 'Veranstaltung anmelden');
  await arriveAt(page, 'Art und Ort der Veranstaltung');
  await page.getByLabel('Eine andere Veranstaltung').check();
  await page.getByLabel('In geschlossenen Räumen oder auf einem privaten Grundstück nur mit eingeladenen Gästen').check();

  await continueTo(page, 'Für eine Feier nur mit eingeladenen Gästen brauchen Sie keine Anmeldung');
  await expect(page.getByText(/melden Sie das nicht beim Ordnungsamt an/)).toBeVisible();
  await expect(page.getByText(/Von 22:00 bis 6:00 Uhr gilt die Nachtruhe/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Informationen zur Gestattung für den Ausschank', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/gestattung');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});

test('a demonstration is notified under the Assemblies Act instead', async ({ page }) => {
  await openService(page, 'veranstaltung-anmelden', 'Veranstaltung anmelden');
  await arriveAt(page, 'Art und Ort der Veranstaltung');
  await page.getByLabel('Eine Versammlung oder Demonstration').check();
  await page.getByLabel('Auf einer öffentlichen Fläche').check();

  await continueTo(page, 'Eine Versammlung zeigen Sie nach dem Versammlungsgesetz an');
  await expect(page.getByText(/spätestens 48 Stunden bevor Sie dazu einladen/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Versammlung oder Demonstration anzeigen', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/versammlung');
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
