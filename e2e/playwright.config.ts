// Journeys in the system Chromium (never a downloaded browser) against the real
// reference backend, started here with a fresh SQLite file in a temporary folder.
import { defineConfig } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.RATHAUS_E2E_PORT ?? 8181);
// The test identity provider (scripts/test-idp), for the journeys that log in.
const idpPort = Number(process.env.RATHAUS_E2E_IDP_PORT ?? port + 10);
const app = `http://127.0.0.1:${port}`;
// A second backend whose identity provider is down (nothing listens at its issuer),
// for login.spec.ts; workers read its address from here.
const noLoginPort = port + 1;
process.env.RATHAUS_E2E_PROVIDER_DOWN ??= `http://127.0.0.1:${noLoginPort}`;
// Set once in the main process; workers inherit it.
process.env.RATHAUS_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'rathaus-e2e-'));
// The shipped services and those only the tests use (e2e/fixtures/services).
const services = join(process.env.RATHAUS_E2E_DATA, 'services');
mkdirSync(services, { recursive: true });
// With them the option lists their questions take options from (services/lists).
mkdirSync(join(services, 'lists'), { recursive: true });
for (const dir of [join(root, 'services'), join(root, 'e2e', 'fixtures', 'services')]) {
  for (const sub of ['', 'lists']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const file of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.json'))) {
      copyFileSync(join(dir, sub, file), join(services, sub, file));
    }
  }
}

/** The reference backend on `listen`, with its own SQLite file, logging in at `issuer`. */
function server(listen: number, data: string, issuer: string) {
  return {
    command: [
      join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'rathaus-server'),
      '--addr', `127.0.0.1:${listen}`,
      '--data-dir', join(process.env.RATHAUS_E2E_DATA!, data),
      '--dist-dir', join(root, 'dist'),
      '--services-dir', services,
      '--catalogue-dir', join(root, 'catalogue'),
      '--translations-dir', join(root, 'translations'),
      // Short, so that payment.spec.ts sees a payment expire; the others pay in seconds.
      '--payment-seconds', '40',
      '--oidc-issuer', issuer,
      '--oidc-client-id', 'rathaus-e2e',
    ].join(' '),
    env: { RATHAUS_OIDC_CLIENT_SECRET: 'rathaus-e2e-secret' },
    url: `http://127.0.0.1:${listen}/api/v1/services`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: '.',
  // A limit against hanging, not a speed bar: the longest journeys (a whole application
  // with axe on every page) take 50–65 s on a shared two-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  outputDir: join(root, 'target', 'e2e-results'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    // page.route cannot see what a service worker fetches: the journeys that fake the
    // network run without it; offline.spec.ts allows it and tests it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: `node ${join(root, 'scripts', 'test-idp', 'server.mjs')}`,
      env: {
        IDP_PORT: String(idpPort),
        IDP_CLIENT_ID: 'rathaus-e2e',
        IDP_CLIENT_SECRET: 'rathaus-e2e-secret',
        IDP_REDIRECT_URIS: `${app}/api/v1/auth/callback`,
        IDP_POST_LOGOUT_REDIRECT_URIS: `${app}/`,
      },
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    server(port, 'data', `http://127.0.0.1:${idpPort}`),
    server(noLoginPort, 'data-provider-down', 'http://127.0.0.1:9'),
  ],
});
