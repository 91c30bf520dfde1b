// Replaced at build time by esbuild's `define`; tests fall back to the package version.
declare const __PLANDESK_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __PLANDESK_VERSION__ === 'string' ? __PLANDESK_VERSION__ : '0.1.0-dev';
