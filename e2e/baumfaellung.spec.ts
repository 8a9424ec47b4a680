// Felling protected trees on private land (Baumschutzsatzung): one item per tree (a
// group of 1 to 10), the trunk circumference decides whether a tree is protected at all,
// photos are uploaded, and the fee counts the protected trees (30 € for the first, 15 €
// for each further one). Trees of the city or in a forest, and trees under 80 cm, end
// on a stopping page.
import { test, expect } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arriveAt, continueTo, expectAccessible, fillAddress, sendAndPay, openService } from './helpers';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('fell a beech and a spruce in the own garden, after correcting a circumference in metres', async ({ page }) => {
  await openService(page, 'baumfaellung', 'Baumfällung beantragen', /30 € für den ersten Baum und 15 € für jeden weiteren/);

  await arriveAt(page, 'Wo steht der Baum, den Sie fällen möchten?');
  await page.getByLabel('Auf einem privaten Grundstück').check();

  // The owner applies: no consent to upload.
  await continueTo(page, 'Grundstück');
  await fillAddress(page, 'Lindenweg 8', '44227', 'Musterstadt');
  await page.getByLabel('Ja', { exact: true }).check();

  // At least one tree: straight to the first tree's questions.
  await continueTo(page, 'Baum 1');
  await page.getByLabel('Baumart', { exact: true }).fill('Rotbuche');
  // The circumference in metres, not centimetres: the author's words, next to the question.
  await page.getByLabel('Stammumfang in Zentimetern').fill('1,5');
  await page.getByLabel('Wo auf dem Grundstück steht der Baum?').fill('Hinterer Garten, an der Grenze zu Nr. 10');
  await page.getByLabel('Der Baum ist krank oder abgestorben').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#stammumfang-error')).toHaveText(
    'Fehler: Geben Sie den Stammumfang in ganzen Zentimetern ein, zum Beispiel 120',
  );
  await expect(page.getByLabel('Stammumfang in Zentimetern')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#baumart-error')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Stammumfang in Zentimetern').fill('150');

  await continueTo(page, 'Bäume, die Sie fällen möchten');
  await expect(page.locator('.summary-list')).toContainText('Baum 1: Rotbuche');
  await page.getByLabel('Ja', { exact: true }).check();

  await continueTo(page, 'Baum 2');
  await page.getByLabel('Baumart', { exact: true }).fill('Fichte');
  await page.getByLabel('Stammumfang in Zentimetern').fill('95');
  await page.getByLabel('Wo auf dem Grundstück steht der Baum?').fill('Vorgarten, rechts neben der Garage');
  await page.getByLabel('Der Baum ist nicht mehr standsicher oder Äste können abbrechen').check();
  await continueTo(page, 'Bäume, die Sie fällen möchten');
  await expect(page.locator('.summary-list')).toContainText('Baum 2: Fichte');
  await page.getByLabel('Nein', { exact: true }).check();

  // No tree for a building project: the case number of a planning application is not asked.
  await continueTo(page, 'Begründung');
  await expect(page.getByLabel('Vorgangsnummer Ihres Bauantrags')).toHaveCount(0);
  await page
    .getByLabel('Beschreiben Sie, warum die Bäume gefällt werden sollen')
    .fill('Am Stammfuß der Buche wachsen seit dem Sommer Pilze, die Rinde löst sich. Die Fichte neigt sich seit dem letzten Sturm zum Haus.');

  await continueTo(page, 'Fotos und Unterlagen');
  await page.getByLabel('Fotos der Bäume').setInputFiles(join(fixtures, 'foto.png'));
  await expect(page.getByText('Hochgeladen: foto.png')).toBeVisible();

  await continueTo(page, 'Ihre Angaben');
  await page.getByLabel('Vornamen').fill('Erika');
  await page.getByLabel('Familienname').fill('Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika.mustermann@example.org');
  await page.getByLabel('Telefonnummer').fill('0231 50 12345');

  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  const main = page.locator('main');
  await expect(main).toContainText('Auf einem privaten Grundstück');
  await expect(main).toContainText('Lindenweg 8, 44227 Musterstadt');
  await expect(main).toContainText('Rotbuche');
  await expect(main).toContainText('150');
  await expect(main).toContainText('Der Baum ist krank oder abgestorben');
  await expect(main).toContainText('Fichte');
  await expect(main).toContainText('Vorgarten, rechts neben der Garage');
  await expect(main).toContainText('Pilze');
  await expect(main).toContainText('foto.png');
  // 30 € for the first tree, 15 € for the second.
  await expect(page.locator('.fee__amount')).toHaveText('45,00\u00a0€');
  await page
    .getByLabel(
      'Ich versichere, dass meine Angaben richtig sind und dass ich die Bäume erst fällen lasse, wenn ich die Erlaubnis habe.',
    )
    .check();
  await sendAndPay(page, '45,00\u00a0€');
});

test('a tree under 80 cm needs no permit: a stopping page says so', async ({ page }) => {
  await openService(page, 'baumfaellung', 'Baumfällung beantragen');
  await arriveAt(page, 'Wo steht der Baum, den Sie fällen möchten?');
  await page.getByLabel('Auf einem privaten Grundstück').check();
  await continueTo(page, 'Grundstück');
  await fillAddress(page, 'Lindenweg 8', '44227', 'Musterstadt');
  await page.getByLabel('Ja', { exact: true }).check();

  await continueTo(page, 'Baum 1');
  await page.getByLabel('Baumart', { exact: true }).fill('Birke');
  await page.getByLabel('Stammumfang in Zentimetern').fill('60');
  await page.getByLabel('Wo auf dem Grundstück steht der Baum?').fill('Vorgarten an der Hecke');
  await page.getByLabel('Ein anderer Grund').check();
  await continueTo(page, 'Bäume, die Sie fällen möchten');
  await page.getByLabel('Nein', { exact: true }).check();

  await continueTo(page, 'Für diese Bäume brauchen Sie keine Erlaubnis');
  await expect(page.getByText(/Die Baumschutzsatzung schützt Bäume ab 80 cm Stammumfang/)).toBeVisible();
  const link = page.getByRole('link', { name: '§ 39 Bundesnaturschutzgesetz lesen', exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/bnatschg_2009/__39.html');
  // No way on, and nothing to send.
  await expect(page.getByRole('button', { name: 'Weiter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Antrag abschicken' })).toHaveCount(0);
});
