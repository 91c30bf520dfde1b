// Re-exports the lint plugins from this folder's own node_modules (see package.json: the
// TypeScript 5 that typescript-eslint parses with lives here, beside the project's TypeScript 7).
export { default as js } from '@eslint/js';
export { default as tseslint } from 'typescript-eslint';
export { default as importX, createNodeResolver } from 'eslint-plugin-import-x';
export { default as reactHooks } from 'eslint-plugin-react-hooks';
export { default as globals } from 'globals';
