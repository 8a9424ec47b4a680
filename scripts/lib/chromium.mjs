// Debian's Chromium for the measuring scripts, each run in a fresh profile, and a small
// client of the DevTools protocol over `--remote-debugging-pipe`.
//
// Why a client of our own: a first visit's bytes include what the service worker fetches
// while it installs, and Playwright does not hand out protocol sessions for service
// worker targets. Here the browser session auto-attaches to every target (flat sessions,
// paused until we have enabled the Network domain), so no request is missed.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.RATHAUS_CHROMIUM || '/usr/bin/chromium';

/** The flags of e2e/playwright.config.ts (and Lighthouse's docs for a headless run). */
export const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function requireChromium() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (scripts/setup.sh does) ` +
        'or point RATHAUS_CHROMIUM at a Chromium binary',
    );
  }
}

/** A new, empty profile folder; `remove()` deletes it. */
export function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'rathaus-chromium-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts Chromium with a fresh profile and returns a protocol client:
 * `send(method, params, sessionId)`, `on(method, (params, sessionId) => …)`, `close()`.
 */
export async function launch() {
  requireChromium();
  const profile = freshProfile();
  const child = spawn(CHROMIUM, [...FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile.dir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr = (stderr + s).slice(-4000)));
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];

  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  let ended = null;
  const endAll = (error) => {
    ended = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  child.once('error', (e) => endAll(new Error(`Chromium could not be started: ${e.message}`)));
  child.once('exit', (code, signal) =>
    endAll(new Error(`Chromium ended (${signal || `exit code ${code}`}):\n${stderr}`)),
  );

  // Messages are JSON, each ended by a NUL byte.
  let buffered = '';
  fromBrowser.setEncoding('utf8').on('data', (chunk) => {
    const parts = (buffered + chunk).split('\0');
    buffered = parts.pop();
    for (const part of parts) {
      const message = JSON.parse(part);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (!call) continue;
        if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
        else call.resolve(message.result);
      } else {
        for (const listener of listeners.get(message.method) || []) listener(message.params, message.sessionId);
      }
    }
  });

  const send = (method, params = {}, sessionId = undefined) => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      toBrowser.write(JSON.stringify(message) + '\0');
    });
  };
  const on = (method, listener) => {
    if (!listeners.has(method)) listeners.set(method, []);
    listeners.get(method).push(listener);
  };
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    profile.remove();
  };
  process.on('exit', killOnExit);
  const close = async () => {
    process.off('exit', killOnExit);
    if (!ended) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await send('Browser.close').catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    profile.remove();
  };
  await send('Browser.getVersion');
  return { send, on, close };
}
