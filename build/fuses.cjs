// electron-builder `afterPack` hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary before it is signed, so that the installed app cannot be turned into a plain Node.js
// (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) or made to load code from outside its app.asar.
// test/electron/fuses.test.ts checks which fuses are set to what, with the flip function mocked.
'use strict';
const path = require('node:path');

/**
 * The fuses PlanDesk sets, by FuseV1Options name. A fuse not listed keeps Electron's default
 * (LoadBrowserProcessSpecificV8Snapshot: PlanDesk has no V8 snapshot).
 * @type {Readonly<Record<string, boolean>>}
 */
const PLANDESK_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would make PlanDesk.exe a Node.js that runs any script.
  RunAsNode: false,
  // Cookies and other Chromium storage encrypted with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS (e.g. --require) would run code in the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at packaging (Windows and macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app is loaded from app.asar only, never from a resources/app folder put beside it.
  OnlyLoadAppFromAsar: true,
  // PlanDesk serves its page on app://, never file://.
  GrantFileProtocolExtraPrivileges: false,
});

// A fuse's state in the wire is an ASCII digit: '1' on, '0' off (@electron/fuses FuseState,
// which the package does not export).
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

/**
 * The @electron/fuses configuration for PLANDESK_FUSES.
 * @param {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, number> }} fuses the @electron/fuses module
 * @param {string} platform electron platform name (win32, linux, darwin, mas)
 * @param {number} [arch] electron-builder Arch (3 = arm64)
 */
function fuseConfig(fuses, platform, arch) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arch === 3 };
  for (const [name, value] of Object.entries(PLANDESK_FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/**
 * The packaged executable, as electron-builder names it (Linux: executableName; others: productFilename).
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 */
function electronBinaryPath(context) {
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  if (ext === undefined) throw new Error(`unknown platform ${context.electronPlatformName}`);
  const name = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  if (!name) throw new Error('the packaged executable has no name');
  return path.join(context.appOutDir, `${name}${ext}`);
}

/**
 * The hook. `fuses` is @electron/fuses; tests pass a fake with a mocked flipFuses.
 * @param {{ appOutDir: string, electronPlatformName: string, arch?: number, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 * @param {any} [fuses]
 */
async function afterPack(context, fuses = require('@electron/fuses')) {
  const binary = electronBinaryPath(context);
  const config = fuseConfig(fuses, context.electronPlatformName, context.arch);
  await fuses.flipFuses(binary, config);
  // Read the wire back: a fuse that did not take is a packaging error, not a silent weakness.
  const wire = await fuses.getCurrentFuseWire(binary);
  for (const [name, value] of Object.entries(PLANDESK_FUSES)) {
    const state = wire[fuses.FuseV1Options[name]];
    const expected = value ? FUSE_ON : FUSE_OFF;
    if (state !== expected) throw new Error(`fuse ${name} is ${String(state)} after flipping, expected ${value ? 'on' : 'off'}`);
  }
}

module.exports = { PLANDESK_FUSES, fuseConfig, electronBinaryPath, afterPack, default: afterPack };
