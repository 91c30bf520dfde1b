declare module '*.css';

/** opencc-js's t2cn build itself, for renderer/src/opencc-lazy.ts (alias in vite.config.ts). */
declare module 'plandesk-opencc-real' {
  export * from 'opencc-js/t2cn';
}
