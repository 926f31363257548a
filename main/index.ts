import { startApp } from './glue/start-app';

// electron-vite sets ELECTRON_RENDERER_URL only under `electron-vite dev`.
startApp({ outDir: import.meta.dirname, devServerUrl: process.env['ELECTRON_RENDERER_URL'] });
