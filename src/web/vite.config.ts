import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.OD_API_TARGET ?? 'http://localhost:3000';
const proxied = { target: apiTarget, changeOrigin: false };

/**
 * Vendor chunks. A group also takes the dependencies of what it matches, so the most widely shared
 * libraries (React) come first; ECharts stays out of the entry and is loaded with the regions page.
 */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next)[\\/]/,
    priority: 40,
  },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion|stylis|classnames|clsx)[\\/]/,
    priority: 30,
  },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The server's CSP forbids inline scripts: keep everything in external files.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': proxied,
      // Machine-readable catalogue endpoints (DCAT-AP export, CKAN-compatible API): /catalog, /catalog.ttl, /catalog/api/...
      '^/catalog([./].*)?$': proxied,
    },
  },
  preview: {
    proxy: {
      '/api': proxied,
      '^/catalog([./].*)?$': proxied,
    },
  },
});
