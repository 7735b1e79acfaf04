import { defineConfig } from 'vite';

// Builds the IndexedDB bench page into dist-bench/ (see tests/bench/browser.bench.ts).
export default defineConfig({
  root: 'tests/bench/idb',
  base: './',
  logLevel: 'error',
  build: { outDir: '../../../dist-bench', emptyOutDir: true, target: 'es2022' },
});
