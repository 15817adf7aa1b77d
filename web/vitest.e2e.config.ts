// End-to-end tests: playwright-core driving Debian's chromium against a real `giaoban serve`
// with the demo agency loaded into a fresh database (see e2e/global-setup.ts): SQLite, or
// PostgreSQL with GIAOBAN_TEST_DB=postgres and GIAOBAN_TEST_PG_URL.
//   npm run build && npm run e2e
// Environment: GIAOBAN_BIN (default ../build/src/giaoban), CHROMIUM (default /usr/bin/chromium),
// E2E_ARTIFACTS (default ../test-artifacts), E2E_KEEP=1 keeps the temp dir and the server log.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    // One file at a time, one test at a time: they share one server and its data.
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false, shuffle: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    retry: 0,
    reporters: ['default'],
  },
});
