// What crosses the wire while a page is used: every request of the page and of every
// target it starts (its service worker above all), recorded from the DevTools protocol.
//
// Bytes are `Network.loadingFinished.encodedDataLength`: what Chromium read from the
// connection for the response, status line and headers included, body as sent (so
// compressed if it was). A response served by the service worker or from a cache was not
// transferred by that request and counts 0; the service worker's own fetch, when it went
// to the network, is the one that counts.

const QUIET_MS = 1000;
const IDLE_TIMEOUT_MS = 60_000;
const WAIT_MS = 30_000;
const RECORDED_TYPES = ['page', 'iframe', 'service_worker', 'worker', 'shared_worker'];

/**
 * A new tab in `browser` (from chromium.mjs's `launch`) whose traffic is recorded.
 * Returns `{ records, navigate, evaluate, waitFor, waitIdle, serviceWorkerInControl }`.
 */
export async function recordedTab(browser) {
  const { send, on } = browser;
  const records = [];
  const byKey = new Map();
  const kinds = new Map(); // session → target type ('page', 'service_worker', …)
  const pages = new Map(); // target id → session, for the pages attached
  let pageSession = null;
  let lastActivity = Date.now();
  let attachError = null;
  let pageAttached = () => {};

  const recorded = new Set(); // targets with a recording session
  on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
    kinds.set(sessionId, targetInfo.type);
    // A target may be attached twice (the service worker: by the browser and by the
    // page); it is recorded once. Sent in one go, in order: the domains are on before the
    // paused target runs, and no command waits on a target that is still paused.
    const setup = [];
    if (RECORDED_TYPES.includes(targetInfo.type) && !recorded.has(targetInfo.targetId)) {
      recorded.add(targetInfo.targetId);
      setup.push(send('Network.enable', {}, sessionId));
      if (targetInfo.type === 'page' || targetInfo.type === 'iframe') {
        // What the page starts (a frame, a worker) is recorded as well.
        setup.push(send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId));
      }
      if (targetInfo.type === 'page') {
        setup.push(send('Page.enable', {}, sessionId), send('Runtime.enable', {}, sessionId));
      }
    }
    if (waitingForDebugger) setup.push(send('Runtime.runIfWaitingForDebugger', {}, sessionId));
    try {
      await Promise.all(setup);
      if (targetInfo.type === 'page') {
        pages.set(targetInfo.targetId, sessionId);
        pageAttached();
      }
    } catch (e) {
      attachError = e;
    }
  });

  const key = (sessionId, requestId) => `${sessionId}:${requestId}`;
  const touch = () => (lastActivity = Date.now());
  on('Network.requestWillBeSent', (p, sessionId) => {
    touch();
    if (p.request.url.startsWith('data:')) return;
    const k = key(sessionId, p.requestId);
    const earlier = byKey.get(k);
    if (earlier && p.redirectResponse) {
      // A redirect keeps the request id: the redirect itself was a transfer of its own.
      earlier.done = true;
      earlier.bytes = p.redirectResponse.encodedDataLength;
      earlier.status = p.redirectResponse.status;
    }
    const record = {
      url: p.request.url,
      method: p.request.method,
      type: p.type || 'Other',
      by: kinds.get(sessionId) || 'unknown',
      status: null,
      encoding: '',
      servedBy: '', // 'service worker', 'disk cache', 'memory cache', …: not on the wire
      headerBytes: null,
      bytes: 0,
      done: false,
      failed: '',
    };
    records.push(record);
    byKey.set(k, record);
  });
  on('Network.responseReceived', (p, sessionId) => {
    touch();
    const r = byKey.get(key(sessionId, p.requestId));
    if (!r) return;
    const res = p.response;
    r.status = res.status;
    r.mimeType = res.mimeType;
    const headers = Object.fromEntries(Object.entries(res.headers || {}).map(([n, v]) => [n.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] || '';
    if (res.fromServiceWorker) r.servedBy = res.cacheStorageCacheName ? 'service worker (its cache)' : 'service worker';
    else if (res.fromDiskCache) r.servedBy = 'disk cache';
    else if (res.fromPrefetchCache) r.servedBy = 'prefetch cache';
  });
  on('Network.responseReceivedExtraInfo', (p, sessionId) => {
    const r = byKey.get(key(sessionId, p.requestId));
    if (r && p.headersText) r.headerBytes = Buffer.byteLength(p.headersText);
  });
  on('Network.requestServedFromCache', (p, sessionId) => {
    const r = byKey.get(key(sessionId, p.requestId));
    if (r) r.servedBy = 'memory cache';
  });
  on('Network.loadingFinished', (p, sessionId) => {
    touch();
    const r = byKey.get(key(sessionId, p.requestId));
    if (!r) return;
    r.done = true;
    r.bytes = r.servedBy ? 0 : p.encodedDataLength;
  });
  on('Network.loadingFailed', (p, sessionId) => {
    touch();
    const r = byKey.get(key(sessionId, p.requestId));
    if (!r) return;
    r.done = true;
    r.failed = p.canceled ? 'canceled' : p.errorText;
  });

  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  await within(
    WAIT_MS,
    'the new tab was not attached',
    new Promise((resolve) => {
      pageAttached = () => pages.has(targetId) && resolve();
      pageAttached();
    }),
  );
  if (attachError) throw attachError;
  pageSession = pages.get(targetId);

  const evaluate = async (expression, { awaitPromise = false } = {}) => {
    const { result, exceptionDetails } = await send(
      'Runtime.evaluate',
      { expression, awaitPromise, returnByValue: true },
      pageSession,
    );
    if (exceptionDetails) {
      throw new Error(`in the page: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    }
    return result.value;
  };

  /** Polls `expression` in the page until it is true. */
  const waitFor = async (expression, what, timeoutMs = WAIT_MS) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      if (await evaluate(`Boolean(${expression})`).catch(() => false)) return;
      if (Date.now() > end) throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  };

  /** Until no request of any target has been in flight for a second. */
  const waitIdle = async () => {
    const end = Date.now() + IDLE_TIMEOUT_MS;
    for (;;) {
      const open = records.filter((r) => !r.done);
      if (!open.length && Date.now() - lastActivity >= QUIET_MS) return;
      if (Date.now() > end) {
        throw new Error(`the network did not become idle; still open:\n${open.map((r) => `  ${r.by} ${r.url}`).join('\n')}`);
      }
      await sleep(100);
    }
  };

  /** Until the service worker has installed (its precache fetched) and controls the page. */
  const serviceWorkerInControl = () =>
    within(
      WAIT_MS,
      'the service worker did not install and take control',
      evaluate(
        `navigator.serviceWorker.ready
          .then((registration) => new Promise((resolve) => {
            const worker = registration.active;
            if (worker.state === 'activated') return resolve();
            worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
          }))
          .then(() => navigator.serviceWorker.controller || new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })))
          .then(() => true)`,
        { awaitPromise: true },
      ),
    );

  const navigate = async (url) => {
    const loaded = new Promise((resolve) => on('Page.loadEventFired', (_, s) => s === pageSession && resolve()));
    const { errorText } = await send('Page.navigate', { url }, pageSession);
    if (errorText) throw new Error(`${url}: ${errorText}`);
    await within(WAIT_MS, `${url} did not load`, loaded);
  };

  return { records, navigate, evaluate, waitFor, waitIdle, serviceWorkerInControl };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
