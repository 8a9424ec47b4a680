// The service worker: the app starts without a network, and the catalogue and service
// definitions seen before stay readable offline.
//
// The release build (scripts/build/postbuild.mjs) fills in VERSION and the app shell's
// real, hashed file names; a debug build leaves PRECACHE empty and the worker stays out
// of the way. Nothing personal is ever cached: only GET requests for the app's files,
// the catalogue, service definitions and texts; applications, cases and uploads always
// go to the network.
'use strict';

const VERSION = 'dev';
const PRECACHE = [];

const SHELL = 'rathaus-shell-' + VERSION;
const DATA = 'rathaus-data';
const ACTIVE = PRECACHE.length > 0;

self.addEventListener('install', (event) => {
  if (!ACTIVE) return;
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)));
  // No skipWaiting here: a new version waits until the citizen chooses to reload, so a
  // page never runs half old, half new code.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('rathaus-shell-') && n !== SHELL).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'rathaus:activate') self.skipWaiting();
});

// Data the app reads often and may show offline: the catalogue's overview (the front
// page) and the catalogue itself once a search or a topic page asked for it (so that
// browsing and searching work offline), the service list, one service's definition, runtime
// configuration, the city's legal information and texts. Network first: a city's edit
// of config.json or legal.json shows on the next visit, not the next release.
const isData = (url) =>
  /\/services(\/[^/]+)?$/.test(url.pathname) ||
  /\/catalogue(\/overview)?$/.test(url.pathname) ||
  url.pathname === '/config.json' ||
  url.pathname === '/legal.json' ||
  url.pathname.startsWith('/i18n/');

async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Offline: the copy asked for, else the German one (the reader's texts fall back
    // to German, marked as such), else one in any language.
    const german = new URL(request.url);
    german.searchParams.set('lang', 'de');
    const cached =
      (await cache.match(request)) ||
      (german.search !== new URL(request.url).search && (await cache.match(german.href))) ||
      (await cache.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Content-hashed files never change: the wizard's module is kept once it was loaded.
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    // Every address of the app is the same page; the app reads the address itself.
    const shell = await caches.match('/', { cacheName: SHELL });
    if (shell) return shell;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ACTIVE || request.method !== 'GET') return;
  const url = new URL(request.url);
  // A navigation to the API (logging in: the backend sends the browser on to the
  // identity provider) is the network's alone.
  const api = url.pathname.startsWith('/api/');
  if (request.mode === 'navigate' && url.origin === self.location.origin && !api) {
    event.respondWith(navigation(request));
  } else if (isData(url) && !request.headers.has('Authorization')) {
    event.respondWith(networkFirst(request));
  } else if (url.origin === self.location.origin && !api) {
    event.respondWith(cacheFirst(request));
  }
});
