// A Kita place: the child's age at the start is worked out on the page, a child of 6 is
// sent to school instead (a stopping page), the group of parents needs an e-mail for the
// first parent only, what every parent answered decides what the next page says, and the
// wished-for Kitas are ranked from the city's list, narrowed to those that take the child.
import { test, expect, type Page } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

/** From the start page to the start date, for a child born `bornDaysAgo` days ago
 * whose place is to begin in 60 days. */
async function childAndStart(page: Page, bornDaysAgo: number) {
  await openService(page, 'kita-platz', 'Kita-Platz suchen und anmelden', 'gebührenfrei');
  await arriveAt(page, 'Ihr Kind');
  await page.getByLabel('Vornamen des Kindes').fill('Mia');
  await page.getByLabel('Familienname des Kindes').fill('Yılmaz');
  await fillDateIn(page, 'Geburtsdatum des Kindes', daysFromToday(-bornDaysAgo));
  await fillAddress(page, 'Hoher Wall 15', '44137', 'Musterstadt');
  await continueTo(page, 'Beginn der Betreuung');
  await fillDateIn(page, 'Ab wann brauchen Sie den Platz?', daysFromToday(60));
}

/** One parent's page of the group: names, e-mail (if any), working, not single. */
async function describeParent(page: Page, given: string, email?: string) {
  await page.getByLabel('Vornamen').fill(given);
  await page.getByLabel('Familienname').fill('Yılmaz');
  if (email) {
    await page.getByLabel('E-Mail-Adresse').fill(email);
  }
  await page.getByRole('group', { name: 'Ist die Person berufstätig, in Ausbildung oder im Studium?' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Erzieht die Person das Kind allein?' }).getByLabel('Nein').check();
}

test('apply for a 45-hour place for a two-year-old with two working parents', async ({ page }) => {
  // Born two years and a month ago: 2 at the start in 60 days.
  await childAndStart(page, 2 * 365 + 30);
  const age = page.getByTestId('computed-alter_bei_beginn');
  await expect(age).toContainText('Alter Ihres Kindes zu Beginn (in Jahren)');
  await expect(age.locator('.computed__value')).toHaveText('2');
  await expectAccessible(page);

  await continueTo(page, 'Wie viele Stunden in der Woche soll Ihr Kind betreut werden?');
  await page.getByLabel('45 Stunden').check();

  // At least one parent: straight to the first parent's questions; the e-mail is needed there.
  await continueTo(page, 'Elternteil 1');
  await describeParent(page, 'Ayşe');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#eltern_email-error')).toHaveText(
    'Fehler: Geben Sie eine E-Mail-Adresse ein, damit wir Ihnen antworten können',
  );
  await expectAccessible(page);
  await page.getByLabel('E-Mail-Adresse').fill('ayse.yilmaz@example.org');
  await continueTo(page, 'Eltern und Sorgeberechtigte');
  await expect(page.locator('.summary-list')).toContainText('Elternteil 1: Ayşe');
  await page.getByLabel('Ja').check();

  // The second parent may leave the e-mail out.
  await continueTo(page, 'Elternteil 2');
  await describeParent(page, 'Emre');
  await continueTo(page, 'Eltern und Sorgeberechtigte');
  await expect(page.locator('.summary-list')).toContainText('Elternteil 2: Emre');
  await expect(page.getByText('Sie haben die Höchstzahl von 2 erreicht.')).toBeVisible();

  // Every parent works: the priority note and the question on 45 hours; nobody is
  // a single parent: no note on that.
  await continueTo(page, 'Vergabe der Plätze');
  await expect(page.getByRole('heading', { name: 'Ihr Kind hat Vorrang' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alleinerziehend' })).toHaveCount(0);
  await page.getByRole('group', { name: 'Brauchen Sie die 45 Stunden wegen Ihrer Arbeitszeiten?' }).getByLabel('Ja').check();
  await page
    .getByRole('group', { name: 'Braucht Ihr Kind wegen einer Behinderung oder Krankheit besondere Unterstützung?' })
    .getByLabel('Nein')
    .check();
  await expect(page.getByLabel('Was braucht Ihr Kind?')).toHaveCount(0);

  await continueTo(page, 'Ihre Wunsch-Kitas');
  // The city's list of Kitas, narrowed to those that take a two-year-old: a crèche
  // for the under-twos and a Kita from 3 are not offered.
  const ranking = page.getByRole('group', { name: 'Ihre Wünsche, der Reihe nach' });
  const first = ranking.getByLabel('1. Wahl');
  await expect(first.locator('option', { hasText: 'Kita Sonnenschein, Hörde' })).toHaveCount(1);
  await expect(first.locator('option', { hasText: 'Krippe Sternchen' })).toHaveCount(0);
  await expect(first.locator('option', { hasText: 'Kita Regenbogen' })).toHaveCount(0);
  // A 3rd choice without a 2nd is refused, next to the question, and nothing is lost.
  await first.selectOption({ label: 'Ev. Kita Pusteblume, Lütgendortmund' });
  await ranking.getByLabel('3. Wahl').selectOption({ label: 'Kita Sonnenschein, Hörde' });
  await page.getByRole('radio', { name: 'Nein' }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#kita_wunsch-error')).toHaveText(
    'Fehler: Bei „Ihre Wünsche, der Reihe nach“ fehlt die 2. Wahl',
  );
  await expectAccessible(page);
  await expect(ranking.getByLabel('3. Wahl')).toHaveValue('kita-sonnenschein');
  // Putting the 3rd choice first moves it there: each Kita has one place.
  await first.selectOption({ label: 'Kita Sonnenschein, Hörde' });
  await expect(ranking.getByLabel('3. Wahl')).toHaveValue('');
  await ranking.getByLabel('2. Wahl').selectOption({ label: 'Ev. Kita Pusteblume, Lütgendortmund' });
  // The consent to pass the application on may be left unticked; here it is given.
  await page.getByLabel('darf das Jugendamt meine Anmeldung an andere Kitas in der Nähe weitergeben').check();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Alter Ihres Kindes zu Beginn (in Jahren)');
  await expect(main).toContainText('45 Stunden');
  await expect(main).toContainText('1. Kita Sonnenschein, Hörde, 2. Ev. Kita Pusteblume, Lütgendortmund');
  await expect(main).toContainText('ayse.yilmaz@example.org');
  await page
    .getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind und dass ich für das Kind sorgeberechtigt bin.')
    .check();
  await sendAndPay(page);
});

test('a child of 6 at the start is sent to school instead', async ({ page }) => {
  // Born six years and ten days ago: 6 at the start in 60 days.
  await childAndStart(page, 6 * 365 + 10);
  await expect(page.getByTestId('computed-alter_bei_beginn').locator('.computed__value')).toHaveText('6');
  await continueTo(page, 'Ab 6 Jahren: Schule statt Kita');
  await expect(page.getByText(/Kinder in diesem Alter gehen in der Regel zur Schule/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Kind an der Grundschule anmelden', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/info/schulanmeldung');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});

