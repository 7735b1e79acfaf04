import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Two builds:
 *   `vite build`               → dist/: the web app with a service worker (installable, offline after
 *                                the first visit);
 *   `vite build --mode single` → dist-single/index.html: one file that works from file:// (scripts,
 *                                styles, icons and the import worker inlined; classic workers, since
 *                                module workers from blob: URLs fail on file://).
 * Both carry a Content-Security-Policy: no eval, no remote connections, no third-party resources.
 */

const COMMON_CSP = [
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
];

/** CSP for the served build: everything from our own origin only. */
function cspServed(): Plugin {
  const policy = ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "worker-src 'self' blob:", "manifest-src 'self'", ...COMMON_CSP].join('; ');
  return {
    name: 'scp-csp-served',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
    },
  };
}

/**
 * CSP for the single file: the inlined scripts are allowed by hash; nothing may connect anywhere.
 * Runs after the file is written, because the single-file plugin inlines the scripts last.
 */
function cspSingleFile(): Plugin {
  return {
    name: 'scp-csp-single',
    apply: 'build',
    enforce: 'post',
    closeBundle() {
      const file = 'dist-single/index.html';
      let source = readFileSync(file, 'utf8');
      const favicon = readFileSync('public/favicon.svg');
      source = source.replace(/href="\.\/favicon\.svg"/, `href="data:image/svg+xml;base64,${favicon.toString('base64')}"`);
      const hashes = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => m[1] ?? '')
        .filter((body) => body.length > 0)
        .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
      if (hashes.length === 0) throw new Error('single-file build: no inline script found to allow in the CSP');
      const policy = ["default-src 'none'", `script-src ${hashes.join(' ')}`, "connect-src 'none'", 'worker-src blob:', ...COMMON_CSP].join('; ');
      source = source.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      writeFileSync(file, source);
    },
  };
}

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    plugins: single
      ? [svelte(), viteSingleFile({ removeViteModuleLoader: true }), cspSingleFile()]
      : [
          svelte(),
          cspServed(),
          VitePWA({
            registerType: 'autoUpdate',
            injectRegister: 'script',
            includeAssets: ['favicon.svg', 'icon-192.png', 'icon-512.png', 'samples/*.csv'],
            manifest: {
              name: 'Shared Calling Planner',
              short_name: 'SC Planner',
              description: 'Plan Microsoft Teams Shared Calling offline.',
              start_url: './',
              scope: './',
              display: 'standalone',
              background_color: '#f6f6fa',
              theme_color: '#4f52b2',
              icons: [
                { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
                { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
                { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
              ],
            },
            workbox: {
              globPatterns: ['**/*.{js,css,html,svg,png,csv,wasm,webmanifest}'],
              maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              navigateFallback: 'index.html',
              // Take control of the open page at once, so the first visit already works offline.
              clientsClaim: true,
              skipWaiting: true,
            },
          }),
        ],
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1200,
      outDir: single ? 'dist-single' : 'dist',
      emptyOutDir: true,
    },
    worker: { format: single ? 'iife' : 'es' },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
