import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: {
    // opencc-js (traditional → simplified, for pasted text) loads on demand: see src/opencc-lazy.ts.
    alias: [
      { find: /^opencc-js\/t2cn$/, replacement: fileURLToPath(new URL('./src/opencc-lazy.ts', import.meta.url)) },
      { find: /^plandesk-opencc-real$/, replacement: fileURLToPath(new URL('../node_modules/opencc-js/dist/esm/t2cn.js', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    minify: process.env.PLANDESK_NO_MINIFY ? false : 'oxc',
    chunkSizeWarningLimit: 2000,
  },
});
