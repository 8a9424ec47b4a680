// A temporary licence to serve alcohol (Gestattung, § 12 Gaststättengesetz): the first
// day counts from today (at least two weeks ahead), the last from the first (at most 4
// days in all), the days of serving are worked out on the page and priced (30 € for
// the first, 15 € for each further day), the daily serving times are times of day;
// spirits bring a youth protection note, food the upload of the IfSG certificates, and
// someone other than the applicant on site their name and number. A registered
// non-profit club (register number with a pattern, exemption notice uploaded) pays a
// flat 30 €; the reminder for next year is an optional consent. A permanent bar is sent
// to the Gaststättenerlaubnis and only non-alcoholic drinks ("none of these", ticked
// alone) to the event registration instead (stopping pages).
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

test('a company’s beer and cocktail stand at a three-day street festival, after correcting a last day too late', async ({
  page,
}) => {
  await page.goto('/services/gestattung');
  await arriveAt(page, 'Gestattung für den Alkoholausschank beantragen');
  await expect(
    page.getByText(
      '30 € für den ersten Ausschanktag und 15 € für jeden weiteren Tag. Zum Beispiel für ein Fest von Freitag bis Sonntag: 60 €. Ein gemeinnütziger eingetragener Verein zahlt pauschal 30 €.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  // Spirits bring the note on youth protection.
  await arriveAt(page, 'Ihr Ausschank');
  await page.getByLabel('Für ein Fest, einen Markt oder eine Feier an höchstens 4 Tagen').check();
  const getraenke = page.getByRole('group', { name: 'Welche Getränke möchten Sie verkaufen?' });
  await getraenke.getByLabel('Bier, Wein oder Sekt').check();
  await expect(page.getByRole('heading', { name: 'Spirituosen nur an Erwachsene' })).toHaveCount(0);
  await getraenke.getByLabel('Spirituosen', { exact: true }).check();
  await expect(page.getByRole('heading', { name: 'Spirituosen nur an Erwachsene' })).toBeVisible();
  await expect(page.getByText(/Spirituosen und Mischgetränke mit Spirituosen nur an Erwachsene/)).toBeVisible();

  // A company: no club to describe.
  await continueTo(page, 'Wer beantragt die Gestattung?');
  await page.getByLabel('Ein Unternehmen').check();

  // On public land: the note on the permit for the space.
  await continueTo(page, 'Die Veranstaltung');
  await page.getByLabel('Name der Veranstaltung').fill('Stadtteilfest Kreuzviertel');
  await fillAddress(page, 'Lindenstraße 12', '44137', 'Musterstadt');
  await expect(page.getByRole('heading', { name: 'Für die öffentliche Fläche brauchen Sie eine eigene Erlaubnis' })).toHaveCount(0);
  await page
    .getByRole('group', { name: 'Steht Ihr Stand auf einer öffentlichen Fläche?' })
    .getByLabel('Ja', { exact: true })
    .check();
  await expect(page.getByRole('heading', { name: 'Für die öffentliche Fläche brauchen Sie eine eigene Erlaubnis' })).toBeVisible();
  await page.getByLabel('An wie vielen Theken oder Ständen schenken Sie aus?').fill('2');
  await page.getByLabel('Skizze des Ausschanks').setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();

  // Five days in all is longer than a Gestattung may last: the author's words, next to the last day.
  await continueTo(page, 'Wann schenken Sie aus?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(30));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(34));
  await page.getByLabel('Ausschank täglich ab', { exact: true }).fill('15:00');
  await page.getByLabel('Ausschank täglich bis', { exact: true }).fill('23:00');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#ende-error')).toHaveText(
    'Fehler: Eine Gestattung gilt höchstens 4 Tage. Geben Sie einen letzten Tag höchstens 3 Tage nach dem ersten Tag ein',
  );
  await expect(page.locator('#beginn-error')).toHaveCount(0);
  await expectAccessible(page);
  // Friday to Sunday, say: three days, both ends counted, worked out as the dates change.
  await fillDateIn(page, 'Letzter Tag', daysFromToday(32));
  const tage = page.getByTestId('computed-tage');
  await expect(tage).toContainText('Anzahl der Ausschanktage');
  await expect(tage.locator('.computed__value')).toHaveText('3');
  await expect(page.locator('#ende-error')).toHaveCount(0);

  // Food: what is offered, and a certificate for each person handling it.
  await continueTo(page, 'Speisen und Hygiene');
  await page.getByLabel('In einem Spülmobil oder einer Gläserspülmaschine').check();
  await expect(page.getByLabel('Welche Speisen bieten Sie an?')).toHaveCount(0);
  await expect(page.getByLabel('Bescheinigungen über die Belehrung nach dem Infektionsschutzgesetz')).toHaveCount(0);
  await page.getByRole('group', { name: 'Bieten Sie auch Speisen an?' }).getByLabel('Ja', { exact: true }).check();
  await page.getByLabel('Welche Speisen bieten Sie an?').fill('Bratwurst vom Grill und Pommes frites');
  await page
    .getByLabel('Bescheinigungen über die Belehrung nach dem Infektionsschutzgesetz')
    .setInputFiles([
      file('foto.png', 'belehrung-schulte.png', 'image/png'),
      file('wohnungsgeberbestaetigung.pdf', 'belehrung-yilmaz.pdf', 'application/pdf'),
    ]);
  await expect(page.locator('.file-upload__list')).toContainText('belehrung-schulte.png');
  await expect(page.locator('.file-upload__list')).toContainText('belehrung-yilmaz.pdf');
  await expectAccessible(page);

  // Someone else is at the stand: their name and mobile number are asked.
  await continueTo(page, 'Verantwortlich vor Ort');
  await expect(page.getByLabel('Vor- und Familienname der verantwortlichen Person')).toHaveCount(0);
  await page.getByLabel('Nein', { exact: true }).check();
  await page.getByLabel('Vor- und Familienname der verantwortlichen Person').fill('Aylin Yilmaz');
  await page.getByLabel('Mobilnummer der verantwortlichen Person').fill('0171 1234567');

  // A company: its name is asked.
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Jonas');
  await page.getByLabel('Familienname').fill('Schulte');
  await fillDateIn(page, 'Geburtsdatum', { day: '14', month: '6', year: '1978' });
  await page.getByLabel('Name des Unternehmens').fill('Getränke Schulte GmbH');
  await fillAddress(page, 'Hafenstraße 7', '44147', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('info@getraenke-schulte.example');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Für ein Fest, einen Markt oder eine Feier an höchstens 4 Tagen');
  await expect(main).toContainText('Bier, Wein oder Sekt, Spirituosen');
  await expect(main).toContainText('Ein Unternehmen');
  await expect(main).toContainText('Stadtteilfest Kreuzviertel');
  await expect(main).toContainText('Lindenstraße 12, 44137 Musterstadt');
  await expect(main).toContainText('lageplan.pdf');
  await expect(main).toContainText('Anzahl der Ausschanktage');
  await expect(main).toContainText('15:00');
  await expect(main).toContainText('23:00');
  await expect(main).toContainText('In einem Spülmobil oder einer Gläserspülmaschine');
  await expect(main).toContainText('Bratwurst vom Grill und Pommes frites');
  await expect(main).toContainText('belehrung-schulte.png');
  await expect(main).toContainText('belehrung-yilmaz.pdf');
  await expect(main).toContainText('Aylin Yilmaz');
  await expect(main).toContainText('Getränke Schulte GmbH');
  await expect(main).toContainText('Hafenstraße 7, 44147 Musterstadt');
  // 30 € for the first day and 15 € for each of the two further days.
  await expect(page.locator('.fee__amount')).toHaveText('60,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich halte das Jugendschutzgesetz ein und biete mindestens ein alkoholfreies Getränk nicht teurer an als das billigste Getränk mit Alkohol.',
    )
    .check();
  await sendAndPay(page, '60,00\u00a0€');
});

test('a non-profit club’s two-day summer fête pays a flat 30 €, after correcting the register number', async ({ page }) => {
  await openService(page, 'gestattung', 'Gestattung für den Alkoholausschank beantragen');

  await arriveAt(page, 'Ihr Ausschank');
  await page.getByLabel('Für ein Fest, einen Markt oder eine Feier an höchstens 4 Tagen').check();
  await page.getByLabel('Bier, Wein oder Sekt').check();

  await continueTo(page, 'Wer beantragt die Gestattung?');
  await page.getByLabel('Ein eingetragener Verein').check();

  // The register number typed with a hyphen: the author's words, next to the question.
  await continueTo(page, 'Ihr Verein');
  await page.getByLabel('Name des Vereins').fill('Schützenverein Musterstadt-Nord e. V.');
  const register = page.getByLabel('Vereinsregisternummer');
  await register.fill('VR-1234');
  // Non-profit: the exemption notice is asked for.
  await expect(page.getByLabel('Freistellungsbescheid des Finanzamts')).toHaveCount(0);
  await page
    .getByRole('group', { name: 'Ist der Verein als gemeinnützig anerkannt?' })
    .getByLabel('Ja', { exact: true })
    .check();
  await page
    .getByLabel('Freistellungsbescheid des Finanzamts')
    .setInputFiles(file('wohnungsgeberbestaetigung.pdf', 'freistellungsbescheid.pdf', 'application/pdf'));
  await expect(page.getByText('Hochgeladen: freistellungsbescheid.pdf')).toBeVisible();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#vereinsregister-error')).toHaveText(
    'Fehler: Geben Sie die Nummer wie im Vereinsregister ein: VR, ein Leerzeichen und bis zu 6 Ziffern, zum Beispiel VR 1234',
  );
  await expect(register).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#verein_name-error')).toHaveCount(0);
  await expectAccessible(page);
  await register.fill('VR 1234');

  // On the club's own ground: no note on public land.
  await continueTo(page, 'Die Veranstaltung');
  await page.getByLabel('Name der Veranstaltung').fill('Sommerfest des Schützenvereins');
  await fillAddress(page, 'Am Schützenplatz 3', '44149', 'Musterstadt');
  await page
    .getByRole('group', { name: 'Steht Ihr Stand auf einer öffentlichen Fläche?' })
    .getByLabel('Nein', { exact: true })
    .check();
  await expect(page.getByRole('heading', { name: 'Für die öffentliche Fläche brauchen Sie eine eigene Erlaubnis' })).toHaveCount(0);
  await page.getByLabel('An wie vielen Theken oder Ständen schenken Sie aus?').fill('1');
  await page.getByLabel('Skizze des Ausschanks').setInputFiles(file('foto.png', 'skizze.png', 'image/png'));
  await expect(page.getByText('Hochgeladen: skizze.png')).toBeVisible();

  await continueTo(page, 'Wann schenken Sie aus?');
  await fillDateIn(page, 'Erster Tag', daysFromToday(45));
  await fillDateIn(page, 'Letzter Tag', daysFromToday(46));
  await expect(page.getByTestId('computed-tage').locator('.computed__value')).toHaveText('2');
  await page.getByLabel('Ausschank täglich ab', { exact: true }).fill('14:00');
  await page.getByLabel('Ausschank täglich bis', { exact: true }).fill('1:00');

  // No food: no certificates to upload.
  await continueTo(page, 'Speisen und Hygiene');
  await page.getByLabel('Wir leihen Mehrwegbecher, die der Verleih spült').check();
  await page.getByRole('group', { name: 'Bieten Sie auch Speisen an?' }).getByLabel('Nein', { exact: true }).check();
  await expect(page.getByLabel('Bescheinigungen über die Belehrung nach dem Infektionsschutzgesetz')).toHaveCount(0);

  await continueTo(page, 'Verantwortlich vor Ort');
  await page.getByLabel('Ja', { exact: true }).check();
  await expect(page.getByLabel('Mobilnummer der verantwortlichen Person')).toHaveCount(0);

  // Not a company: no company name. The reminder is the citizen's choice.
  await continueTo(page, 'Ihre Angaben');
  await expect(page.getByLabel('Name des Unternehmens')).toHaveCount(0);
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDateIn(page, 'Geburtsdatum', { day: '3', month: '11', year: '1964' });
  await fillAddress(page, 'Am Schützenplatz 3', '44149', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('vorstand@schuetzen-nord.example');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');
  // An optional consent: the label ends in "(optional)".
  const erinnerung = page.getByLabel(/die Gestattung rechtzeitig wieder zu beantragen\. \(optional\)/);
  await erinnerung.check();
  await expect(erinnerung).toBeChecked();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Ein eingetragener Verein');
  await expect(main).toContainText('Schützenverein Musterstadt-Nord e. V.');
  await expect(main).toContainText('VR 1234');
  await expect(main).toContainText('freistellungsbescheid.pdf');
  await expect(main).toContainText('Sommerfest des Schützenvereins');
  await expect(main).toContainText('skizze.png');
  await expect(main).toContainText('14:00');
  await expect(main).toContainText('01:00');
  await expect(main).toContainText('Wir leihen Mehrwegbecher, die der Verleih spült');
  await expect(main).toContainText('Am Schützenplatz 3, 44149 Musterstadt');
  // A registered non-profit club: 30 € whatever the number of days.
  await expect(page.locator('.fee__amount')).toHaveText('30,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind. Ich halte das Jugendschutzgesetz ein und biete mindestens ein alkoholfreies Getränk nicht teurer an als das billigste Getränk mit Alkohol.',
    )
    .check();
  await sendAndPay(page, '30,00\u00a0€');
});

test('a permanent bar needs a Gaststättenerlaubnis instead', async ({ page }) => {
  await openService(page, 'gestattung', 'Gestattung für den Alkoholausschank beantragen');
  await arriveAt(page, 'Ihr Ausschank');
  await page.getByLabel('Für einen dauerhaften Ausschank').check();
  await page.getByLabel('Bier, Wein oder Sekt').check();

  await continueTo(page, 'Für einen dauerhaften Ausschank brauchen Sie eine Gaststättenerlaubnis');
  await expect(page.getByText(/beantragen Sie eine Gaststättenerlaubnis und melden Ihr Gewerbe an/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Informationen zur Gaststättenerlaubnis', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/gaststaette');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});

test('only non-alcoholic drinks need no Gestattung', async ({ page }) => {
  await openService(page, 'gestattung', 'Gestattung für den Alkoholausschank beantragen');
  await arriveAt(page, 'Ihr Ausschank');
  await page.getByLabel('Für ein Fest, einen Markt oder eine Feier an höchstens 4 Tagen').check();
  // "Nur alkoholfreie Getränke" stands after an "oder" and is ticked alone: it unticks the beer.
  await expect(page.locator('.checkboxes__divider')).toHaveText('oder');
  await page.getByLabel('Bier, Wein oder Sekt').check();
  await page.getByLabel('Nur alkoholfreie Getränke').check();
  await expect(page.getByLabel('Bier, Wein oder Sekt')).not.toBeChecked();

  await continueTo(page, 'Für alkoholfreie Getränke brauchen Sie keine Gestattung');
  await expect(page.getByText(/Alkoholfreie Getränke und Speisen dürfen Sie ohne Gestattung verkaufen/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Informationen zur Anmeldung einer Veranstaltung', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/veranstaltung-anmelden');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
