// Starts one giaoban server for the whole e2e run: a temp dir, the demo agency loaded into a fresh
// SQLite file, `serve` on a free loopback port with the built app as --web-root. Stopped in the
// teardown (which vitest also runs when tests fail), and on process exit as a last resort.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repoDir = path.resolve(webDir, '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    tempDir: string;
    artifactsDir: string;
  }
}

function waitForListening(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => {
      reject(new Error(`giaoban serve did not report its address within ${timeoutMs} ms:\n${log.join('')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const s = chunk.toString('utf8');
      log.push(s);
      buf += s;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`giaoban serve exited early (code ${code}, signal ${signal}):\n${log.join('')}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// The same suite runs on either database, like the API suite: a fresh SQLite file by default, or a
// fresh database in the test PostgreSQL cluster when GIAOBAN_TEST_DB=postgres (its URL in
// GIAOBAN_TEST_PG_URL, as scripts/test.sh sets it).
function createDatabase(tempDir: string): { url: string; drop: () => void } {
  if (process.env.GIAOBAN_TEST_DB !== 'postgres') {
    return { url: path.join(tempDir, 'e2e.db'), drop: () => {} };
  }
  const base = process.env.GIAOBAN_TEST_PG_URL;
  if (!base) throw new Error('GIAOBAN_TEST_DB=postgres needs GIAOBAN_TEST_PG_URL');
  const name = `e2e_${process.pid}_${Date.now()}`;
  const psql = (sql: string) => {
    const r = spawnSync('psql', [base, '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`psql failed: ${sql}\n${r.stderr}`);
  };
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export default async function setup(project: TestProject) {
  const bin = process.env.GIAOBAN_BIN || path.join(repoDir, 'build/src/giaoban');
  const webRoot = path.join(webDir, 'dist');
  const artifactsDir = path.resolve(process.env.E2E_ARTIFACTS || path.join(repoDir, 'test-artifacts'));
  if (!fs.existsSync(bin)) throw new Error(`giaoban binary not found at ${bin} (set GIAOBAN_BIN)`);
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html is missing: run "npm run build" in web/ first`);
  }
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) throw new Error(`chromium not found at ${chromium} (apt-get install chromium)`);

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-e2e-'));
  const database = createDatabase(tempDir);
  const db = database.url;
  const demo = spawnSync(bin, ['--db', db, 'demo'], { encoding: 'utf8', timeout: 60_000 });
  if (demo.status !== 0) {
    throw new Error(`giaoban demo failed (${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
  }

  const log: string[] = [];
  const child = spawn(bin, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot], {
    cwd: tempDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process dies without running the teardown (killed), a watchdog stops the server.
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill ${child.pid} 2>/dev/null`],
    { stdio: 'ignore' },
  );
  const lastResort = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
  process.once('exit', lastResort);

  let baseURL: string;
  try {
    baseURL = await waitForListening(child, log, 15_000);
  } catch (e) {
    await stop(child);
    lastResort();
    throw e;
  }
  // Keep reading the pipes so the server never blocks on a full one; keep the log for failures.
  child.stderr?.on('data', (c: Buffer) => log.push(c.toString('utf8')));
  child.stdout?.on('data', () => {});

  project.provide('baseURL', baseURL);
  project.provide('tempDir', tempDir);
  project.provide('artifactsDir', artifactsDir);
  fs.mkdirSync(path.join(artifactsDir, 'screenshots'), { recursive: true });
  console.log(`[e2e] giaoban at ${baseURL} (db ${db}), artifacts in ${artifactsDir}`);

  return async () => {
    await stop(child);
    lastResort();
    process.removeListener('exit', lastResort);
    fs.writeFileSync(path.join(artifactsDir, 'e2e-server.log'), log.join(''));
    if (process.env.E2E_KEEP) console.log(`[e2e] kept ${tempDir}`);
    else {
      database.drop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
  };
}
