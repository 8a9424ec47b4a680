// TEST identity provider of Rathaus: a real OpenID Connect provider (oidc-provider, panva)
// that plays the city's identity gateway (BundID / Servicekonto) with the made-up test
// citizens of citizens.json. For development and tests only: it refuses NODE_ENV=production
// and any address but loopback, keeps everything in memory and makes new keys at each start.
//
//   node scripts/test-idp/server.mjs [--port 8090] [--host 127.0.0.1] [--issuer URL]
//     [--client-id ID] [--client-secret S] [--redirect-uris A,B] [--post-logout-redirect-uris A,B]
//
// The same options as environment variables: IDP_PORT, IDP_HOST, IDP_ISSUER, IDP_CLIENT_ID,
// IDP_CLIENT_SECRET, IDP_REDIRECT_URIS, IDP_POST_LOGOUT_REDIRECT_URIS (flags win).
// IDP_PORT=0 lets the system pick a port. Prints one line on stdout once it listens:
// "test identity provider ready at <issuer>".
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

import * as views from './views.mjs';

function die(message) {
  process.stderr.write(`test identity provider: ${message}\n`);
  process.exit(1);
}

if (process.env.NODE_ENV === 'production') {
  die('refusing to start with NODE_ENV=production: this is a test provider with made-up citizens, never for production');
}

const { values: flags } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'redirect-uris': { type: 'string' },
        'post-logout-redirect-uris': { type: 'string' },
      },
    });
  } catch (e) {
    return die(e.message);
  }
})();

const env = process.env;
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const opts = {
  port: flags.port ?? env.IDP_PORT ?? '8090',
  host: flags.host ?? env.IDP_HOST ?? '127.0.0.1',
  issuer: flags.issuer ?? env.IDP_ISSUER,
  clientId: flags['client-id'] ?? env.IDP_CLIENT_ID ?? 'rathaus-dev',
  clientSecret: flags['client-secret'] ?? env.IDP_CLIENT_SECRET ?? 'rathaus-dev-secret',
  redirectUris: list(flags['redirect-uris'] ?? env.IDP_REDIRECT_URIS
    ?? 'http://127.0.0.1:8080/api/v1/auth/callback'),
  postLogoutRedirectUris: list(flags['post-logout-redirect-uris'] ?? env.IDP_POST_LOGOUT_REDIRECT_URIS
    ?? 'http://127.0.0.1:8080/'),
};

/** 127.0.0.0/8, ::1, localhost and *.localhost: names that only reach this machine. */
function isLoopback(host) {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) die(`invalid port "${opts.port}"`);
if (!isLoopback(opts.host)) {
  die(`refusing to bind "${opts.host}": this test provider listens on loopback addresses only (e.g. 127.0.0.1)`);
}
if (opts.issuer !== undefined) {
  let url;
  try {
    url = new URL(opts.issuer);
  } catch {
    die(`invalid issuer "${opts.issuer}"`);
  }
  if (!isLoopback(url.hostname)) die(`refusing issuer "${opts.issuer}": the test provider's issuer must be a loopback address`);
}
if (!opts.redirectUris.length) die('no redirect URI given');

const citizens = JSON.parse(readFileSync(new URL('./citizens.json', import.meta.url), 'utf8'));
const byId = new Map(citizens.map((c) => [c.id, c]));
const NEW_ACCOUNT = '~new';

const ACR = {
  low: 'http://eidas.europa.eu/LoA/low',
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
};
const SCOPES = ['openid', 'profile', 'address', 'email', 'identity'];

// oidc-provider 9 prints a runtime notice when it is loaded on Node 20: on stderr, harmless.
const { default: Provider, errors } = await import('oidc-provider');

function configuration() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  return {
    clients: [{
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
      client_name: 'Rathaus (Entwicklung)',
      redirect_uris: opts.redirectUris,
      post_logout_redirect_uris: opts.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      // oidc-provider puts acr into the ID token only when it is requested: without
      // acr_values from the RP these make every ID token carry the citizen's level.
      default_acr_values: Object.values(ACR),
    }],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    jwks: { keys: [jwk] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    scopes: SCOPES,
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'birthdate'],
      address: ['address'],
      email: ['email', 'email_verified'],
      identity: ['place_of_birth', 'nationalities'],
    },
    acrValues: Object.values(ACR),
    // The ID token itself carries the claims its scopes grant, not only userinfo.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      // `erika~<random>`: Erika's data under an account of its own (a new test account).
      const citizen = byId.get(sub.split('~')[0]);
      if (!citizen) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...citizen.claims }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.set(views.PAGE_HEADERS);
          ctx.body = views.logoutPage(form, ctx.oidc.client?.clientId, Boolean(ctx.oidc.params.post_logout_redirect_uri));
        },
        async postLogoutSuccessSource(ctx) {
          ctx.set(views.PAGE_HEADERS);
          ctx.body = views.logoutSuccessPage();
        },
      },
      resourceIndicators: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
    },
    async renderError(ctx, out) {
      ctx.set(views.PAGE_HEADERS);
      const detail = [out.error, out.error_description].filter(Boolean).join(': ');
      ctx.body = views.errorPage('Anmeldung nicht möglich', detail);
    },
    clientBasedCORS: () => false,
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      long: { httpOnly: true, sameSite: 'lax', secure: false },
      short: { httpOnly: true, sameSite: 'lax', secure: false },
    },
    ttl: {
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
    },
  };
}

let provider;
let providerCallback;

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...views.PAGE_HEADERS, ...headers });
  res.end(body);
}

async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A grant for everything requested (no consent page: the test citizen always agrees). */
async function autoGrant(details, accountId) {
  const { params } = details;
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing?.accountId === accountId
    ? existing
    : new provider.Grant({ accountId, clientId: params.client_id });
  const scopes = String(params.scope ?? '').split(' ').filter((s) => SCOPES.includes(s));
  grant.addOIDCScope(scopes.join(' '));
  const missingClaims = details.prompt?.details?.missingOIDCClaims;
  if (missingClaims?.length) grant.addOIDCClaims(missingClaims);
  return grant.save();
}

/** GET /interaction/:uid, POST /interaction/:uid/login, POST /interaction/:uid/abort. */
async function interaction(req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (e) {
    if (e instanceof errors.SessionNotFound) {
      return send(res, 400, views.errorPage('Anmeldung abgelaufen',
        'Die Anmeldung ist abgelaufen oder unbekannt. Bitte starten Sie die Anmeldung in der Anwendung erneut.'));
    }
    throw e;
  }
  if (details.uid !== uid) {
    return send(res, 400, views.errorPage('Anmeldung unbekannt', 'Diese Anmeldung passt nicht zur laufenden Sitzung.'));
  }

  if (req.method === 'GET' && !action) {
    // A session that only lacks consent (e.g. more scopes than before) is granted at once.
    if (details.prompt.name === 'consent' && details.session?.accountId) {
      const grantId = await autoGrant(details, details.session.accountId);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    return send(res, 200, views.loginPage({
      uid,
      clientId: details.params.client_id,
      citizens,
      requestedAcr: details.params.acr_values,
    }));
  }

  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const chosen = form.get('citizen') ?? '';
    // "…~new": the citizen's data under a new account, so that tests running side by side
    // do not share one account's cases and drafts.
    const fresh = chosen.endsWith(NEW_ACCOUNT);
    const citizen = byId.get(fresh ? chosen.slice(0, -NEW_ACCOUNT.length) : chosen);
    if (!citizen) return send(res, 400, views.errorPage('Unbekannte Testperson', 'Bitte wählen Sie eine der angebotenen Testpersonen.'));
    const accountId = fresh ? `${citizen.id}~${randomUUID()}` : citizen.id;
    const grantId = await autoGrant(details, accountId);
    return provider.interactionFinished(req, res, {
      login: { accountId, acr: ACR[citizen.level] },
      consent: { grantId },
    }, { mergeWithLastSubmission: false });
  }

  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'Die Anmeldung wurde abgebrochen.',
    }, { mergeWithLastSubmission: false });
  }

  return send(res, 405, views.errorPage('Nicht erlaubt', 'Diese Anfrage ist hier nicht vorgesehen.'), { allow: 'GET, POST' });
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?\/?$/;

const server = createServer((req, res) => {
  if (!provider) return send(res, 503, views.errorPage('Noch nicht bereit', 'Der Test-Anmeldedienst startet noch.'));
  const path = (req.url ?? '/').split('?')[0];
  const match = INTERACTION.exec(path);
  if (!match) return providerCallback(req, res);
  interaction(req, res, match[1], match[2]).catch((e) => {
    process.stderr.write(`test identity provider: interaction failed: ${e.name}: ${e.message}\n`);
    if (!res.headersSent) send(res, 500, views.errorPage('Interner Fehler', 'Die Anmeldung konnte nicht abgeschlossen werden.'));
    else res.end();
  });
});

server.on('error', (e) => die(`cannot listen on ${opts.host}:${opts.port}: ${e.message}`));
server.listen(Number(opts.port), opts.host, () => {
  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host.replace(/^\[|\]$/g, '')}]` : opts.host;
  const issuer = opts.issuer ?? `http://${host}:${port}`;
  provider = new Provider(issuer, configuration());
  provider.proxy = false;
  provider.on('server_error', (_ctx, e) => {
    process.stderr.write(`test identity provider: server error: ${e.name}: ${e.message}\n`);
  });
  providerCallback = provider.callback();
  process.stdout.write(`test identity provider ready at ${issuer}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
