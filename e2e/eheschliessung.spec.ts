// Notice of marriage: the two partners are one section asked twice (p1_…, p2_…), the
// second partner's page and the name options name the first answers, a previous
// marriage must have ended after the 16th birthday (a limit counted from another date
// of the same section), and a link abroad stops the online notice.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function begin(page: import('@playwright/test').Page) {
  await openService(page, 'eheschliessung', 'Eheschließung anmelden', /60 € für die Anmeldung/);
  await arriveAt(page, 'Ist mindestens eine oder einer von Ihnen in Musterstadt mit Hauptwohnsitz gemeldet?');
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, /^Hat eine oder einer von Ihnen eine ausländische Staatsangehörigkeit/);
}

test('give notice for Ayşe and Jonas, divorced, after correcting when his first marriage ended', async ({ page }) => {
  await begin(page);
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen', { exact: true }).fill('Ayşe');
  await page.getByLabel('Familienname', { exact: true }).fill('Yılmaz');
  await fillDateIn(page, 'Geburtsdatum', { day: '27', month: '3', year: '1995' });
  await page.getByLabel('Geburtsort', { exact: true }).fill('Dortmund');
  await page.getByLabel('Ledig', { exact: true }).check();
  await expect(page.getByRole('group', { name: 'Seit wann ist die frühere Ehe oder Lebenspartnerschaft beendet?' })).toHaveCount(0);
  await fillAddress(page, 'Hermannstraße 21', '44263', 'Musterstadt');

  // The second partner's page names the first by the name just given.
  await continueTo(page, 'Angaben zur Partnerin oder zum Partner von Ayşe');
  await expect(page.getByLabel('Vornamen', { exact: true })).toHaveValue('');
  await page.getByLabel('Vornamen', { exact: true }).fill('Jonas');
  await page.getByLabel('Familienname', { exact: true }).fill('Becker');
  await fillDateIn(page, 'Geburtsdatum', { day: '4', month: '5', year: '1990' });
  await page.getByLabel('Geburtsort', { exact: true }).fill('Münster');
  await page.getByLabel('Geschieden, oder eine Lebenspartnerschaft wurde aufgehoben').check();
  // Ended at 10: before his 16th birthday, a date of his own section.
  await fillDateIn(page, 'Seit wann ist die frühere Ehe oder Lebenspartnerschaft beendet?', {
    day: '1',
    month: '1',
    year: '2001',
  });
  await fillAddress(page, 'Kaiserstraße 7', '48145', 'Münster');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#p2_ende_vorehe-error')).toHaveText(
    'Fehler: Eine frühere Ehe kann erst nach dem 16. Geburtstag geendet haben. Prüfen Sie das Datum',
  );
  await expectAccessible(page);
  await fillDateIn(page, 'Seit wann ist die frühere Ehe oder Lebenspartnerschaft beendet?', {
    day: '15',
    month: '6',
    year: '2021',
  });

  // The options name both partners' answers.
  await continueTo(page, 'Welchen Namen möchten Sie in der Ehe führen?');
  await expect(page.getByLabel('Gemeinsam den Namen von Ayşe: Yılmaz')).toBeVisible();
  await page.getByLabel('Gemeinsam den Namen von Jonas: Becker').check();

  await continueTo(page, 'Ihre Trauung');
  await fillDateIn(page, 'Wunschtermin für die Trauung', daysFromToday(60));
  await page.getByLabel('Wasserschloss Haus Rodenberg').check();

  // His divorce asks for its proof.
  await continueTo(page, 'Ihre Unterlagen');
  const births = page.getByLabel('Beglaubigte Ausdrucke aus dem Geburtenregister von Ihnen beiden');
  await births.setInputFiles(join(fixtures, 'foto.png'));
  await expect(page.getByText('Hochgeladen: foto.png')).toBeVisible();
  await births.setInputFiles(join(fixtures, 'lageplan.pdf'));
  await expect(page.getByText('Hochgeladen: lageplan.pdf')).toBeVisible();
  await page
    .getByLabel('Nachweis, dass die frühere Ehe beendet ist')
    .setInputFiles(join(fixtures, 'wohnungsgeberbestaetigung.pdf'));
  await expect(page.getByText('Hochgeladen: wohnungsgeberbestaetigung.pdf')).toBeVisible();

  await continueTo(page, 'Wie erreichen wir Sie?');
  await page.getByLabel('E-Mail-Adresse').fill('ayse.yilmaz@example.org');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Ayşe');
  await expect(main).toContainText('Yılmaz');
  await expect(main).toContainText('Münster');
  await expect(main).toContainText('Gemeinsam den Namen von Jonas: Becker');
  await expect(main).toContainText('Wasserschloss Haus Rodenberg');
  await expect(main).toContainText('wohnungsgeberbestaetigung.pdf');
  // 60 € for the notice and 120 € for the castle.
  await expect(page.locator('.fee__amount')).toHaveText('180,00\u00a0€');
  await page.getByLabel(/^Wir versichern, dass unsere Angaben richtig sind/).check();
  await sendAndPay(page, '180,00\u00a0€');
});

test('a link abroad is for a talk at the registry office, not an online notice', async ({ page }) => {
  await begin(page);
  await page.getByLabel('Ja', { exact: true }).check();
  await continueTo(page, 'Bitte vereinbaren Sie ein Beratungsgespräch');
  await expect(page.getByText(/manchmal ein Ehefähigkeitszeugnis/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Termin beim Standesamt' })).toHaveAttribute(
    'href',
    '/info/eheschliessung',
  );
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
