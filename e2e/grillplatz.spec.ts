// Reserving a barbecue area (Grillplatz) for one day: the size of the group decides first
// (more than 50 people is an event, sent to the event registration on a stopping page),
// the site is chosen from a list and brings either the note on its fixed grill or the
// question whether an own charcoal grill comes along, the day lies 3 days to 6 months
// ahead (limits counted from today), the fee depends on who books (20 € private, 30 € a
// club, 50 € a company), "Nichts davon" is ticked alone, the site rules are a declaration
// and the text message on a cancellation an optional consent.
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, daysFromToday, expectAccessible, fillAddress, fillDate, sendAndPay, openService } from './helpers';

test('a sports club’s barbecue for 35 people in the Stadtpark, after correcting a day too soon', async ({ page }) => {
  await page.goto('/services/grillplatz');
  await arriveAt(page, 'Grillplatz reservieren');
  await expect(
    page.getByText(
      '20 € für eine private Feier, 30 € für einen Verein, 50 € für ein Unternehmen – jeweils für einen Tag von 10:00 bis 22:00 Uhr.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();

  await arriveAt(page, 'Wie viele Personen kommen zu Ihrer Feier?');
  await page.getByLabel('Wie viele Personen kommen zu Ihrer Feier?').fill('35');

  // A site with a fixed grill says so; a site without one asks about the own grill.
  await continueTo(page, 'Ihr Grillplatz');
  const platz = page.getByLabel('Welchen Grillplatz möchten Sie reservieren?');
  const eigenerGrill = page.getByRole('group', { name: 'Bringen Sie einen eigenen Holzkohlegrill mit?' });
  await platz.selectOption({ label: 'Westpark, Grillplatz am Spielplatz (Innenstadt-West)' });
  await expect(page.getByRole('heading', { name: 'An diesem Platz steht ein fester Grill' })).toBeVisible();
  await expect(eigenerGrill).toHaveCount(0);
  await platz.selectOption({ label: 'Stadtpark, Grillwiese am Teich (Innenstadt-Ost)' });
  await expect(page.getByRole('heading', { name: 'An diesem Platz steht ein fester Grill' })).toHaveCount(0);
  await eigenerGrill.getByLabel('Ja', { exact: true }).check();

  // Tomorrow is too soon: the author's words, next to the question.
  await continueTo(page, 'An welchem Tag möchten Sie grillen?');
  const morgen = daysFromToday(1);
  await fillDate(page, morgen.day, morgen.month, morgen.year);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#datum-error')).toHaveText(
    'Fehler: Reservieren Sie den Grillplatz mindestens 3 Tage vorher. Geben Sie einen späteren Tag ein',
  );
  await expectAccessible(page);
  const inZweiWochen = daysFromToday(14);
  await fillDate(page, inZweiWochen.day, inZweiWochen.month, inZweiWochen.year);

  // A club: its name is asked. "Nichts davon" is ticked alone.
  await continueTo(page, 'Ihre Gruppe');
  await expect(page.getByLabel('Name des Vereins')).toHaveCount(0);
  await page.getByLabel('Für einen Verein', { exact: true }).check();
  await page.getByLabel('Name des Vereins').fill('TuS Musterstadt 1920 e. V.');
  const pavillon = page.getByRole('checkbox', { name: 'Einen Pavillon oder Sonnenschirme' });
  const nichts = page.getByRole('checkbox', { name: 'Nichts davon' });
  await pavillon.check();
  await nichts.check();
  await expect(pavillon).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Eigene Tische und Bänke' }).check();
  await expect(nichts).not.toBeChecked();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillAddress(page, 'Hermannstraße 21', '44263', 'Musterstadt');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0170 1234567');

  // The site rules must be accepted; the text message is the citizen's choice.
  await continueTo(page, 'Platzordnung');
  await expect(
    page.getByLabel('Ich möchte eine SMS bekommen, wenn die Stadt meine Reservierung absagen muss. (optional)'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#regeln-error')).toHaveText('Fehler: Bestätigen Sie, dass Sie die Platzordnung einhalten');
  await expect(page.locator('#sms-error')).toHaveCount(0);
  await expectAccessible(page);
  await page
    .getByLabel(
      'Ich halte die Platzordnung ein: Ich nehme allen Müll wieder mit, ich bringe nichts aus Glas mit, und ab 22:00 Uhr ist unsere Feier zu Ende und es ist ruhig.',
    )
    .check();
  await page
    .getByLabel('Ich möchte eine SMS bekommen, wenn die Stadt meine Reservierung absagen muss. (optional)')
    .check();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('35');
  await expect(main).toContainText('Stadtpark, Grillwiese am Teich (Innenstadt-Ost)');
  await expect(main).toContainText('Für einen Verein');
  await expect(main).toContainText('TuS Musterstadt 1920 e. V.');
  await expect(main).toContainText('Eigene Tische und Bänke');
  await expect(main).toContainText('Hermannstraße 21, 44263 Musterstadt');
  await expect(main).toContainText('erika.mustermann@example.org');
  // A club pays 30 €.
  await expect(page.locator('.fee__amount')).toHaveText('30,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind, dass ich mindestens 18 Jahre alt bin und dass ich während der Feier auf dem Grillplatz bin.',
    )
    .check();
  await sendAndPay(page, '30,00\u00a0€');
});

test('a party of more than 50 people is an event for the Ordnungsamt', async ({ page }) => {
  await openService(page, 'grillplatz', 'Grillplatz reservieren');
  await arriveAt(page, 'Wie viele Personen kommen zu Ihrer Feier?');
  await page.getByLabel('Wie viele Personen kommen zu Ihrer Feier?').fill('80');

  await continueTo(page, 'Mit mehr als 50 Personen ist Ihre Feier eine Veranstaltung');
  await expect(page.getByText(/Eine größere Feier in einem Park melden Sie als Veranstaltung beim Ordnungsamt an/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Veranstaltung anmelden', exact: true });
  await expect(link).toHaveAttribute('href', '/services/veranstaltung-anmelden');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
