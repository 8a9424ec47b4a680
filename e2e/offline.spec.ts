// Offline first: drafts saved while typing and resumed, an outbox that sends exactly
// once, damaged storage, a changed service, the device page, and the installable PWA.
import { test, expect, type Page } from '@playwright/test';
import {
  answerEverything,
  arriveAt,
  continueTo,
  expectAccessible,
  failOnce,
  logInForFuehrungszeugnis,
  startApplication,
  openService,
} from './helpers';

const PURPOSE = 'Wofür brauchen Sie das Führungszeugnis?';
const DRAFT_KEY = 'rathaus.v1.draft.fuehrungszeugnis';

/** The home page, once the service worker has installed and controls it. */
async function untilTheServiceWorkerControls(page: Page) {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^Gespeichert auf diesem Gerät um \d\d:\d\d$/);
}

test('a half-filled application is saved as it is typed and resumed where it was left', async ({ page }) => {
  await startApplication(page);
  await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
  await expectSaved(page);
  await continueTo(page, PURPOSE);
  await page.getByLabel(PURPOSE).fill('Ehrenamt im Sportverein');
  await expectSaved(page);
  await expectAccessible(page);

  // Days later: the home page, then the service again.
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await expect(page.getByText('Sie haben diesen Antrag schon begonnen.')).toBeVisible();
  await page.getByRole('button', { name: 'Weitermachen' }).click();
  await arriveAt(page, PURPOSE);
  await expect(page.getByLabel(PURPOSE)).toHaveValue('Ehrenamt im Sportverein');

  // A reload on the step keeps what was typed last, too.
  await page.getByLabel(PURPOSE).fill('Ehrenamt im Chor');
  await page.reload();
  await arriveAt(page, PURPOSE);
  await expect(page.getByLabel(PURPOSE)).toHaveValue('Ehrenamt im Chor');

  // Starting again asks first, then forgets the answers.
  await page.goto('/services/fuehrungszeugnis');
  await page.getByRole('button', { name: 'Neu beginnen' }).click();
  await expect(page.getByRole('alert')).toContainText('Wirklich neu beginnen?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nein, weitermachen' }).click();
  await page.getByRole('button', { name: 'Neu beginnen' }).click();
  await page.getByRole('button', { name: 'Ja, Angaben löschen und neu beginnen' }).click();
  await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
  await expect(page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)')).not.toBeChecked();
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('offline, the app starts and the wizard works; Chromium can install it', async ({ page, context }) => {
    await untilTheServiceWorkerControls(page);
    // Installable: a manifest with icons and a service worker that controls the page.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's browser contexts are incognito ones, where nothing installs.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ short_name: 'Rathaus', display: 'standalone', start_url: '/', lang: 'de' });
    expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);

    // The service once online: its definition and the wizard's code are kept.
    await startApplication(page);
    await context.setOffline(true);
    await page.reload();
    await arriveAt(page, 'Welches Führungszeugnis brauchen Sie?');
    await page.getByLabel('Für mich selbst (Privatführungszeugnis, Belegart N)').check();
    await continueTo(page, PURPOSE);
    await page.getByLabel(PURPOSE).fill('Bewerbung');
    await continueTo(page, 'Wie heißen Sie?');
    // Other pages start offline too.
    await page.goto('/services/fuehrungszeugnis');
    await arriveAt(page, 'Führungszeugnis beantragen');
    await page.goto('/');
    await arriveAt(page, 'Dienstleistungen online beantragen');
    await context.setOffline(false);
  });

  test('sent offline: queued, then sent once the connection returns — one case, and its confirmation', async ({
    page,
    context,
  }) => {
    await untilTheServiceWorkerControls(page);
    await answerEverything(page);
    const cases: string[] = [];
    const keys: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/v1/applications') && response.request().method() === 'POST') {
        keys.push(response.request().headers()['idempotency-key']);
        if (response.ok()) cases.push((await response.json()).case_number);
      }
    });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Antrag abschicken' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'noch nicht gesendet' })).toContainText(
      'wird automatisch gesendet',
    );
    await expectAccessible(page);
    // Still queued after a reload offline; the device page lists it as waiting.
    await page.goto('/device');
    await arriveAt(page, 'Daten auf diesem Gerät');
    await expect(page.getByTestId('drafts')).toContainText('Wartet auf Versand');
    await page.goto('/services/fuehrungszeugnis/check');
    await arriveAt(page, 'Prüfen Sie Ihre Angaben');
    await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
    // What waits is what was checked: its answers cannot be changed meanwhile.
    await page.goto('/services/fuehrungszeugnis/apply/zweck');
    await arriveAt(page, 'Ihr Antrag wartet auf das Senden');
    await page.getByRole('link', { name: 'Zu Ihren Angaben' }).click();
    await arriveAt(page, 'Prüfen Sie Ihre Angaben');

    await context.setOffline(false);
    await arriveAt(page, 'Zahlung ausstehend');
    const shown = await page.getByTestId('case-number').textContent();
    expect(cases).toEqual([shown]);
    expect(new Set(keys).size).toBe(1);
    await page.goto('/device');
    await expect(page.getByTestId('applications')).toContainText(shown!);
    await expect(page.getByRole('heading', { name: 'Begonnene Anträge' }).locator('xpath=following-sibling::p[1]')).toHaveText('Keine.');
  });
});

test('the answer lost after the office got it: the outbox tries again by itself, still one case', async ({ page }) => {
  await answerEverything(page);
  const cases: string[] = [];
  const keys: string[] = [];
  await page.route('**/api/v1/applications', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const response = await route.fetch();
    cases.push((await response.json()).case_number);
    if (keys.length === 1) {
      await route.abort('connectionreset');
    } else {
      await route.fulfill({ response });
    }
  });
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
  // No click: the retry comes after a pause.
  await arriveAt(page, 'Zahlung ausstehend');
  expect(keys.length).toBe(2);
  expect(keys[1]).toBe(keys[0]);
  expect(cases[1]).toBe(cases[0]);
  await expect(page.getByTestId('case-number')).toHaveText(cases[0]);
});

test('damaged data on the device: the app starts, sets it aside and says so', async ({ page }) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate((key) => {
    localStorage.setItem(key, '{"service_id":"fuehrungszeugnis","service_vers');
    localStorage.setItem('rathaus.v1.applications', '[{"case_number": 42}]');
  }, DRAFT_KEY);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Auf diesem Gerät gespeicherte Daten waren beschädigt');
  await expectAccessible(page);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rathaus.aside.')));
  // The damaged application on its own (the list around it was fine), the draft whole.
  expect(aside.sort()).toEqual([
    expect.stringMatching(/^rathaus\.aside\.applications\.\d+-0$/),
    'rathaus.aside.draft.fuehrungszeugnis',
  ]);
  // The service starts afresh, and the notice is not repeated.
  await page.goto('/services/fuehrungszeugnis');
  await arriveAt(page, 'Führungszeugnis beantragen');
  await expect(page.getByRole('button', { name: 'Anmelden und beginnen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Weitermachen' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // "Delete everything" clears what was set aside, too (after asking).
  await page.goto('/device');
  await page.getByRole('button', { name: 'Alles löschen' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, alles löschen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gelöscht' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rathaus.aside.')))).toEqual([]);
});

test('a service changed since the draft began: what still fits is kept, what must be answered again is named', async ({
  page,
}) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate((key) => {
    const draft = {
      service_id: 'fuehrungszeugnis',
      service_version: 0, // the service is at version 1 now
      answers: {
        kind: 'private',
        purpose: 'Ehrenamt',
        given_names: 'Erika',
        family_name: 'Mustermann',
        delivery: 'pickup', // an option the service no longer offers
        fax_number: '0231 12345', // a question that is gone
      },
      step: 'zustellung',
      saved_at: Date.now(),
    };
    localStorage.setItem(key, JSON.stringify(draft));
  }, DRAFT_KEY);
  await logInForFuehrungszeugnis(page);
  await page.getByRole('button', { name: 'Weitermachen' }).click();
  await arriveAt(page, 'Zustellung');
  const notice = page.getByTestId('changed-notice');
  await expect(notice).toContainText('Diese Dienstleistung wurde geändert, seit Sie begonnen haben.');
  await expect(notice.getByRole('listitem')).toHaveText(['Wohin soll das Führungszeugnis geschickt werden?']);
  // Kept: earlier answers.
  await page.goto('/services/fuehrungszeugnis/apply/name');
  await arriveAt(page, 'Wie heißen Sie?');
  await expect(page.getByTestId('locked-given_names')).toContainText('Erika');
  await expect(page.getByTestId('changed-notice')).toBeVisible();
  // Answered again: the notice goes.
  await page.goto('/services/fuehrungszeugnis/apply/zustellung');
  await arriveAt(page, 'Zustellung');
  await page.getByLabel('An meine Wohnanschrift').check();
  await expect(page.getByTestId('changed-notice')).toBeVisible();
  await page.reload();
  await arriveAt(page, 'Zustellung');
  await expect(page.getByTestId('changed-notice')).toHaveCount(0);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), DRAFT_KEY);
  expect(stored.service_version).toBe(1);
  expect(stored.answers.fax_number).toBeUndefined();
});

test('a new version waiting: the app offers to reload', async ({ page }) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  // What boot.js does when the service worker has installed a new version.
  await page.evaluate(() => {
    document.documentElement.setAttribute('data-update', 'ready');
    window.dispatchEvent(new Event('rathaus:update'));
  });
  const banner = page.getByRole('status').filter({ hasText: 'Eine neue Version der Anwendung ist verfügbar.' });
  await expect(banner.getByRole('button', { name: 'Neu laden' })).toBeVisible();
  await expectAccessible(page);
});

test('the wizard’s code fails to arrive: an error with a retry, not a dead app', async ({ page }) => {
  // The wizard's code (start page included) comes when a service is opened.
  await failOnce(page, '**/split_*.wasm');
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Bewohnerparkausweis beantragen' }).click();
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Bewohnerparkausweis beantragen');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'In welcher Bewohnerparkzone wohnen Sie?');
});

test('the wizard’s German texts fail to arrive: an error with a retry, never a page without words', async ({ page }) => {
  // German for every page is in the app's code; the wizard's own words come with its
  // module (src/i18n/messages.rs).
  await failOnce(page, '**/i18n/de.wizard.json');
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.getByRole('link', { name: 'Bewohnerparkausweis beantragen' }).click();
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Bewohnerparkausweis beantragen');
  await page.getByRole('button', { name: 'Jetzt beginnen' }).click();
  await arriveAt(page, 'In welcher Bewohnerparkzone wohnen Sie?');
  await expect(page.getByRole('button', { name: 'Weiter' })).toBeVisible();
});

test('the lazy pages’ styles come with the first such page; a failed download is retried', async ({ page }) => {
  await failOnce(page, '**/later-*.css');
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  const laterSheets = () =>
    page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.includes('/later-')).length);
  // A first visit loads the first stylesheet only (scripts/build/bundle-css.mjs).
  expect(await laterSheets()).toBe(0);
  await page.getByRole('link', { name: 'Führungszeugnis beantragen' }).click();
  await expect(page.getByRole('alert')).toContainText('Keine Verbindung zum Server');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await arriveAt(page, 'Führungszeugnis beantragen');
  // Styled: its key facts are rows.
  await expect(page.locator('.facts__row').first()).toHaveCSS('display', 'flex');
  expect(await laterSheets()).toBe(1);
});

test('drafts expire 30 days after their last change; one waiting to be sent stays', async ({ page }) => {
  await page.goto('/');
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await page.evaluate(() => {
    const day = 24 * 60 * 60 * 1000;
    const draft = (service: string, days: number, pending: unknown = null) => ({
      service_id: service,
      service_version: 1,
      answers: { purpose: 'Ehrenamt' },
      step: null,
      pending,
      submitted_case: null,
      saved_at: Date.now() - days * day,
    });
    localStorage.setItem('rathaus.v1.draft.fuehrungszeugnis', JSON.stringify(draft('fuehrungszeugnis', 31)));
    localStorage.setItem('rathaus.v1.draft.hundesteuer', JSON.stringify(draft('hundesteuer', 29)));
    const waiting = { idempotency_key: 'k', answers: {}, body: '{}' };
    localStorage.setItem('rathaus.v1.draft.sperrmuell', JSON.stringify(draft('sperrmuell', 40, waiting)));
  });
  await page.reload();
  await arriveAt(page, 'Dienstleistungen online beantragen');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.draft.')).sort()))
    .toEqual(['rathaus.v1.draft.hundesteuer', 'rathaus.v1.draft.sperrmuell']);
  await page.goto('/device');
  await arriveAt(page, 'Daten auf diesem Gerät');
  await expect(page.getByText('30 Tage nach der letzten Änderung gelöscht')).toBeVisible();
  await expect(page.getByTestId('drafts').getByRole('listitem')).toHaveCount(2);
  // One deleted by hand (after saying yes).
  await page.getByRole('button', { name: /hundesteuer löschen/i }).click();
  await page.getByRole('group').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('drafts').getByRole('listitem')).toHaveCount(1);
});

test('a file chosen offline is kept on the device and uploaded when the application is sent', async ({
  page,
  context,
}) => {
  const pdf = (name: string) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% ${name}\ntrailer << >>\n%%EOF\n`),
  });
  const keptFiles = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('rathaus-files');
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction('files').objectStore('files').count();
            count.onsuccess = () => {
              resolve(count.result);
              db.close();
            };
          };
        }),
    );
  const uploaded: string[] = [];
  let sentBody = '';
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST') return;
    if (response.url().endsWith('/api/v1/attachments') && response.ok()) uploaded.push((await response.json()).id);
    if (response.url().endsWith('/api/v1/applications')) sentBody = response.request().postData() ?? '';
  });

  await openService(page, 'unterlagen-test', 'Unterlagen nachreichen (Test)');
  await arriveAt(page, 'Unterlagen');
  await page.getByLabel('Betreff').fill('Meldebescheinigung');
  await context.setOffline(true);
  await page.getByLabel('Nachweise').setInputFiles(pdf('mietvertrag.pdf'));
  await expect(page.getByText('Gespeichert auf diesem Gerät: mietvertrag.pdf.')).toBeVisible();
  await expect(page.locator('.file-upload__list')).toContainText('mietvertrag.pdf (1 KB) – noch nicht hochgeladen');
  await expectAccessible(page);
  expect(await keptFiles()).toBe(1);
  await continueTo(page, 'Prüfen Sie Ihre Angaben');
  await expect(page.locator('main')).toContainText('mietvertrag.pdf');
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByText('wird automatisch gesendet')).toBeVisible();
  expect(uploaded).toEqual([]);

  await context.setOffline(false);
  await arriveAt(page, 'Antrag gesendet');
  expect(uploaded).toHaveLength(1);
  expect(sentBody).not.toContain('local-');
  expect(JSON.parse(sentBody).answers.nachweise.files[0].id).toBe(uploaded[0]);
  // Sent: the device forgets the file.
  await expect.poll(keptFiles).toBe(0);
});
