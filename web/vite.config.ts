/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';


// The API runs on 127.0.0.1:8090 during development; in production `giaoban serve` serves
// both dist/ and /api/v1 from one origin.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8090', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // Content-hashed names so that the server may cache them for a long time.
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // One worker that keeps jsdom and the libraries loaded from file to file; src/test/setup.ts
    // resets the app's modules, the document and storage before each file. A process per file
    // spent more time starting (jsdom, antd) than testing; with a second worker Vitest sets up
    // jsdom again for every file, which cost more CPU than the second core gave back.
    isolate: false,
    maxWorkers: 1,
    unstubGlobals: true,
    // Tests take well under a second on a quiet machine, but share two cores with builds and
    // servers: the limit only catches a test that hangs, and never fails a slow one.
    testTimeout: 120_000,
  },
});
