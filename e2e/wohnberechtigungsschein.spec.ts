// A housing entitlement certificate (WBS, NRW): the household is a repeatable group of
// the people moving in, the income decides which proofs are uploaded and whether the
// 10 € fee is charged (free for households living on Bürgergeld), a special need asks
// for its own proof, and someone registered elsewhere in NRW is sent to their own town
// (a stopping page).
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDateIn, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture's content under the name a citizen's own file would have. */
function file(fixture: string, name: string, mimeType: string) {
  return { name, mimeType, buffer: readFileSync(join(fixtures, fixture)) };
}

/** The questions about one person moving in, on that person's page. */
async function describePerson(
  page: Page,
  given: string,
  born: { day: string; month: string; year: string },
  relation: string,
) {
  await page.getByLabel('Vornamen').fill(given);
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDateIn(page, 'Geburtsdatum', born);
  await page.getByLabel('In welcher Beziehung steht die Person zu Ihnen?').selectOption({ label: relation });
}

test('a WBS for a household of three with a wheelchair user, after correcting a date of birth', async ({ page }) => {
  await page.goto('/services/wohnberechtigungsschein');
  await arriveAt(page, 'Wohnberechtigungsschein beantragen');
  await expect(
    page.getByText(
      '10 € für den Wohnberechtigungsschein. Lebt Ihr Haushalt überwiegend von Bürgergeld, Sozialhilfe oder Grundsicherung, ist er gebührenfrei.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Wo sind Sie zurzeit mit Hauptwohnsitz gemeldet?');
  await page.getByLabel('In Musterstadt', { exact: true }).check();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDateIn(page, 'Geburtsdatum', daysFromToday(-41 * 365));
  await page.getByLabel('Deutsch', { exact: true }).check();
  await fillAddress(page, 'Hoher Wall 15', '44137', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');

  // Nobody added yet: the page asks whether anyone moves in with her.
  await continueTo(page, 'Ihr Haushalt');
  await expect(page.getByText('Noch keine Angaben.')).toBeVisible();
  await page.getByLabel('Ja').check();
  await continueTo(page, 'Person 1');
  await describePerson(page, 'Max', daysFromToday(-43 * 365), 'Ehepartnerin oder Ehepartner');
  await continueTo(page, 'Ihr Haushalt');
  await expect(page.locator('.summary-list')).toContainText('Person 1: Max');
  await page.getByLabel('Ja').check();

  // The daughter's year typed wrong (12 years on: no 29 February goes missing), so the
  // date lies in the future; the author's words say so next to the question.
  await continueTo(page, 'Person 2');
  const born = daysFromToday(-8 * 365);
  await describePerson(page, 'Lena', { ...born, year: String(Number(born.year) + 12) }, 'Kind oder Pflegekind');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#person_geburtsdatum-error')).toHaveText(
    'Fehler: Das Geburtsdatum darf nicht in der Zukunft liegen. Erwartet jemand ein Kind, geben Sie das bei „Besonderer Wohnbedarf“ an',
  );
  await expectAccessible(page);
  await fillDateIn(page, 'Geburtsdatum', born);
  await continueTo(page, 'Ihr Haushalt');
  await expect(page.locator('.summary-list')).toContainText('Person 2: Lena');
  await page.getByLabel('Nein').check();

  // Not living on benefits: the yearly income is asked, and the fee applies.
  await continueTo(page, 'Einkommen Ihres Haushalts');
  const income = page.getByLabel('Wie hoch ist das Bruttoeinkommen Ihres Haushalts im Jahr?');
  await expect(income).toHaveCount(0);
  await page
    .getByRole('group', { name: 'Lebt Ihr Haushalt überwiegend von Bürgergeld, Sozialhilfe oder Grundsicherung?' })
    .getByLabel('Nein')
    .check();
  await income.fill('31.500');

  // A wheelchair: a room more, and a proof of the disability on the next page.
  // "Nichts davon" stands after an "oder" and is ticked alone: the wheelchair unticks it.
  await continueTo(page, 'Besonderer Wohnbedarf');
  await expect(page.locator('.checkboxes__divider')).toHaveText('oder');
  await page.getByLabel('Nichts davon').check();
  await page.getByLabel('Jemand ist auf einen Rollstuhl angewiesen').check();
  await expect(page.getByLabel('Nichts davon')).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Voraussichtlicher Geburtstermin' })).toHaveCount(0);
  await expect(page.getByLabel('Warum brauchen Sie mehr Platz?')).toHaveCount(0);

  // The proofs that these answers call for, and no others.
  await continueTo(page, 'Nachweise');
  await expect(page.getByLabel('Aufenthaltstitel')).toHaveCount(0);
  await expect(page.getByLabel('Bescheid über Bürgergeld, Sozialhilfe oder Grundsicherung')).toHaveCount(0);
  await expect(page.getByLabel('Nachweis der Schwangerschaft')).toHaveCount(0);
  await page
    .getByLabel('Personalausweis oder Reisepass')
    .setInputFiles(file('foto.png', 'personalausweis.png', 'image/png'));
  await expect(page.getByText('Hochgeladen: personalausweis.png')).toBeVisible();
  await page
    .getByLabel('Einkommensnachweise')
    .setInputFiles(file('lageplan.pdf', 'gehaltsabrechnungen.pdf', 'application/pdf'));
  await expect(page.getByText('Hochgeladen: gehaltsabrechnungen.pdf')).toBeVisible();
  await page
    .getByLabel('Nachweis über Behinderung oder Pflegebedürftigkeit')
    .setInputFiles(file('wohnungsgeberbestaetigung.pdf', 'schwerbehindertenausweis.pdf', 'application/pdf'));
  await expect(page.getByText('Hochgeladen: schwerbehindertenausweis.pdf')).toBeVisible();
  await expectAccessible(page);

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('In Musterstadt');
  await expect(main).toContainText('Erika');
  await expect(main).toContainText('Hoher Wall 15, 44137 Musterstadt');
  await expect(main.getByRole('heading', { name: 'Person 1' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Person 2' })).toBeVisible();
  await expect(main).toContainText('Ehepartnerin oder Ehepartner');
  await expect(main).toContainText('Kind oder Pflegekind');
  await expect(main).toContainText('31.500,00');
  await expect(main).toContainText('Jemand ist auf einen Rollstuhl angewiesen');
  await expect(main).toContainText('personalausweis.png');
  await expect(main).toContainText('gehaltsabrechnungen.pdf');
  await expect(main).toContainText('schwerbehindertenausweis.pdf');
  // 10 €: the household does not live on benefits.
  await expect(page.locator('.fee__amount')).toHaveText('10,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig und vollständig sind. Ändert sich mein Haushalt oder mein Einkommen, bevor ich eine geförderte Wohnung beziehe, teile ich es dem Wohnungsamt mit.',
    )
    .check();
  await sendAndPay(page, '10,00\u00a0€');
});

test('someone registered in another town in NRW applies there instead', async ({ page }) => {
  await openService(page, 'wohnberechtigungsschein', 'Wohnberechtigungsschein beantragen');
  await arriveAt(page, 'Wo sind Sie zurzeit mit Hauptwohnsitz gemeldet?');
  await page.getByLabel('In einer anderen Stadt oder Gemeinde in Nordrhein-Westfalen').check();

  await continueTo(page, 'Beantragen Sie den Wohnberechtigungsschein bei Ihrer Stadt oder Gemeinde');
  await expect(page.getByText(/Der Schein gilt in ganz Nordrhein-Westfalen, also auch für eine Wohnung in Musterstadt/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Zuständige Stelle Ihres Wohnorts finden', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://verwaltung.bund.de/');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
