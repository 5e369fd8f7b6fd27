import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is built with Vite; JSX uses React's automatic runtime through esbuild.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
