/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The app runs under a strict CSP (script-src 'self', see tauri.conf.json). In dev,
// plugin-react injects its fast-refresh preamble as an inline <script>, which that CSP
// blocks. Load the same code from plugin-react's virtual preamble module instead.
function externalReactPreamble(): Plugin {
  return {
    name: 'spotter:external-react-preamble',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html.replace(
          /<script type="module">[^<]*injectIntoGlobalHook[^<]*<\/script>/,
          '<script type="module" src="/@id/@vitejs/plugin-react/preamble"></script>',
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), externalReactPreamble()],
  // Tauri prints its own output; keep Vite's visible alongside it.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK 2.4x (Linux) and the macOS WKWebView are at least Safari 15 level.
    target: 'safari15',
    cssTarget: 'safari15',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    testTimeout: 15000,
  },
});
