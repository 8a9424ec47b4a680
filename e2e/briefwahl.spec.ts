// Applying for a postal vote (Wahlschein and Briefwahlunterlagen): free of charge. The
// elections are a multiple choice; a possible run-off is asked only with the local
// election. The number in the electoral register is optional but has a fixed shape (a
// pattern), the home address must lie in Musterstadt (postcodes), and the documents go
// home, to another address in Germany (here a holiday address), abroad or are collected.
// Online, a voter applies only for themself: for someone else a written power of
// attorney is needed (a stopping page).
import { test, expect } from '@playwright/test';
import { arriveAt, continueTo, expectAccessible, fillAddress, fillDate, sendAndPay, openService } from './helpers';

test('postal vote for the local election sent to a holiday address, after correcting the register number and the postcode', async ({
  page,
}) => {
  await openService(page, 'briefwahl', 'Briefwahl beantragen', 'gebührenfrei');

  await arriveAt(page, 'Für wen beantragen Sie die Briefwahl?');
  await page.getByLabel('Für mich selbst').check();

  // The run-off is asked only once the local election is chosen.
  await continueTo(page, 'Die Wahl');
  await expect(page.getByText(/Beantragen Sie die Briefwahl spätestens am Freitag vor der Wahl bis 18 Uhr/)).toBeVisible();
  const stichwahl = page.getByRole('group', {
    name: 'Sollen wir Ihnen auch die Unterlagen für eine mögliche Stichwahl schicken?',
  });
  await expect(stichwahl).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Kommunalwahl', exact: true }).check();
  await expect(stichwahl).toBeVisible();
  await stichwahl.getByLabel('Ja', { exact: true }).check();

  // The register number typed without the leading zero: the author's words, next to it.
  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await fillDate(page, '27', '3', '1985');
  const nummer = page.getByLabel('Nummer im Wählerverzeichnis (optional)');
  await nummer.fill('312/1045');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#waehlerverzeichnis_nr-error')).toHaveText(
    'Fehler: Geben Sie die Nummer so ein, wie sie auf der Wahlbenachrichtigung steht: 4 Ziffern, einen Schrägstrich und Ihre Nummer, zum Beispiel 0312/1045',
  );
  await expect(nummer).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#vornamen-error')).toHaveCount(0);
  await expect(page.locator('#geburtsdatum-error')).toHaveCount(0);
  await expectAccessible(page);
  await nummer.fill('0312/1045');

  // The citizen's own address, filled in by the browser; a postcode outside Musterstadt
  // is named at its box.
  await continueTo(page, 'Wo wohnen Sie?');
  await expect(page.locator('#wohnanschrift-street')).toHaveAttribute('autocomplete', 'address-line1');
  await fillAddress(page, 'Hermannstraße 21', '45127', 'Musterstadt');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#wohnanschrift-error')).toHaveText(
    'Fehler: Hier können Sie die Briefwahl nur beantragen, wenn Sie in Musterstadt wohnen. Wohnen Sie woanders, beantragen Sie sie bei Ihrer Stadt oder Gemeinde',
  );
  await expect(page.locator('#wohnanschrift-postcode')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Postleitzahl', { exact: true }).fill('44263');

  // The documents go to the holiday address: a shipping address, not the home.
  await continueTo(page, 'Wohin sollen wir die Briefwahlunterlagen schicken?');
  await page.getByLabel('An eine andere Anschrift in Deutschland').check();
  await continueTo(page, 'An welche Anschrift sollen wir die Unterlagen schicken?');
  await expect(page.locator('#versand_anschrift-street')).toHaveAttribute('autocomplete', 'shipping address-line1');
  await fillAddress(page, 'Strandstraße 7', '26548', 'Norderney');
  await page.getByLabel('Adresszusatz (optional)').fill('bei Familie Jansen');

  // The telephone number is optional: left empty; the election-worker consent is given.
  await continueTo(page, 'Wie erreichen wir Sie?');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page
    .getByLabel('Ich interessiere mich dafür, bei einer Wahl als Wahlhelferin oder Wahlhelfer mitzumachen.')
    .check();

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Für mich selbst');
  await expect(main).toContainText('Kommunalwahl');
  await expect(main).toContainText('Sollen wir Ihnen auch die Unterlagen für eine mögliche Stichwahl schicken?');
  await expect(main).toContainText('Erika');
  await expect(main).toContainText('Mustermann');
  await expect(main).toContainText('27. März 1985');
  await expect(main).toContainText('0312/1045');
  await expect(main).toContainText('Hermannstraße 21, 44263 Musterstadt');
  await expect(main).toContainText('An eine andere Anschrift in Deutschland');
  await expect(main).toContainText('Strandstraße 7, bei Familie Jansen, 26548 Norderney');
  await expect(main).toContainText('erika.mustermann@example.org');
  // Free of charge: no fee to pay.
  await expect(page.locator('.fee__amount')).toHaveCount(0);
  await page
    .getByLabel('Ich versichere, dass ich die Briefwahl für mich selbst beantrage und dass meine Angaben richtig sind.')
    .check();
  await sendAndPay(page);
  await expect(page.getByText(/Bis zum Tag vor der Wahl um 12 Uhr können wir Ihnen neue ausstellen/)).toBeVisible();
});

test('a postal vote for someone else needs a written power of attorney and cannot be applied for online', async ({
  page,
}) => {
  await openService(page, 'briefwahl', 'Briefwahl beantragen');

  // Nothing chosen: the author's words, next to the question.
  await arriveAt(page, 'Für wen beantragen Sie die Briefwahl?');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#fuer_wen-error')).toHaveText(
    'Fehler: Wählen Sie aus, für wen Sie die Briefwahl beantragen',
  );
  await expectAccessible(page);
  await page.getByLabel('Für eine andere Person').check();

  await continueTo(page, 'Für eine andere Person können Sie die Briefwahl nicht online beantragen');
  await expect(page.getByText(/Für eine andere Person brauchen Sie eine schriftliche Vollmacht/)).toBeVisible();
  await expect(page.getByText(/Sie dürfen die Unterlagen für höchstens 4 Personen abholen/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Regeln zur Vollmacht in der Bundeswahlordnung', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/bwo_1985/__27.html');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
