// The release backend for the measuring scripts (measure-transfer.mjs, lighthouse.mjs):
// the repository's dist/, services/ and catalogue/, a fresh data folder in a temporary
// directory, and a port the operating system picks (`--addr 127.0.0.1:0`; the server
// logs the address it bound). The server is killed when the script ends, however it ends.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STARTUP_MS = 30_000;

/** Fails with advice when a file the measurement needs is not built. */
export function requireBuilt(root, files) {
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      throw new Error(`${file} is missing: run scripts/build.sh first`);
    }
  }
}

/**
 * Starts target/release/rathaus-server. Returns `{ base, admin(...args), stop() }`;
 * `admin` plays the office on this server's database (`rathaus-server admin`).
 */
export async function startBackend(root) {
  // RATHAUS_SERVER_BIN: a server built elsewhere, e.g. a copy kept while others use a
  // shared target dir.
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const binary = process.env.RATHAUS_SERVER_BIN || join(targetDir, 'release', 'rathaus-server');
  requireBuilt(root, ['dist/index.html']);
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run scripts/build.sh first`);
  const tmp = mkdtempSync(join(tmpdir(), 'rathaus-measure-'));
  const dataDir = join(tmp, 'data');
  const child = spawn(
    binary,
    [
      '--addr', '127.0.0.1:0',
      '--data-dir', dataDir,
      '--dist-dir', join(root, 'dist'),
      '--services-dir', join(root, 'services'),
      '--catalogue-dir', join(root, 'catalogue'),
      '--translations-dir', join(root, 'translations'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', RATHAUS_LOG: 'info' } },
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  };
  // However the script ends: normally, by an uncaught error, or by Ctrl-C.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }

  let log = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_MS / 1000} s`), STARTUP_MS);
    function fail(why) {
      clearTimeout(timer);
      stop();
      reject(new Error(`rathaus-server ${why}:\n${log.slice(-4000)}`));
    }
    const read = (chunk) => {
      log += chunk;
      const bound = log.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (bound) {
        clearTimeout(timer);
        resolve(bound[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('error', (e) => fail(`could not be started (${e.message})`));
    child.once('exit', (code, signal) => {
      if (!stopped) fail(`ended at once (${signal || `exit code ${code}`})`);
    });
  });
  // Keep reading so that a full pipe never blocks the server; keep only the tail.
  child.stdout.on('data', () => (log = log.slice(-4000)));
  child.once('exit', (code, signal) => {
    if (!stopped) {
      console.error(`rathaus-server ended during the measurement (${signal || `exit code ${code}`}):\n${log}`);
      process.exit(1);
    }
  });

  const admin = (...args) =>
    execFileSync(binary, ['admin', '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  return { base, admin, stop };
}
