// The electron-builder afterPack hook (build/fuses.cjs): which Electron fuses it flips, to what,
// in which binary, with @electron/fuses replaced by a fake whose flipFuses is a mock.
import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

interface Context {
  appOutDir: string;
  electronPlatformName: string;
  arch?: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
const hook = createRequire(import.meta.url)('../../build/fuses.cjs') as {
  PLANDESK_FUSES: Record<string, boolean>;
  afterPack(context: Context, fuses?: unknown): Promise<void>;
};

// @electron/fuses 1.8's enums (FuseV1Options is the index in the fuse wire).
const FuseV1Options = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
};

/** A fake @electron/fuses whose wire reflects what was flipped (or not, with `stuck`). */
function fakeFuses(stuck?: number) {
  const wire: Record<number, number> = {};
  const flipFuses = vi.fn(async (_binary: string, config: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(config)) if (/^\d+$/.test(k) && Number(k) !== stuck) wire[Number(k)] = v ? 0x31 : 0x30;
    return 0;
  });
  const getCurrentFuseWire = vi.fn(async () => ({ version: '1', ...wire }));
  return { FuseVersion: { V1: '1' }, FuseV1Options, flipFuses, getCurrentFuseWire };
}

const context = (electronPlatformName: string, arch = 1): Context => ({
  appOutDir: '/out/unpacked',
  electronPlatformName,
  arch,
  packager: { executableName: 'plandesk', appInfo: { productFilename: 'PlanDesk' } },
});

describe('Electron fuses at packaging', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off, cookie encryption, ASAR integrity and ASAR-only on', async () => {
    const fuses = fakeFuses();
    await hook.afterPack(context('win32'), fuses);
    expect(fuses.flipFuses).toHaveBeenCalledTimes(1);
    const [binary, config] = fuses.flipFuses.mock.calls[0]!;
    expect(binary).toBe(join('/out/unpacked', 'PlanDesk.exe'));
    expect(config).toEqual({
      version: '1',
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(hook.PLANDESK_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('finds the packaged binary on each platform', async () => {
    const binaryFor = async (platform: string, arch?: number) => {
      const fuses = fakeFuses();
      await hook.afterPack(context(platform, arch), fuses);
      return fuses.flipFuses.mock.calls[0]!;
    };
    expect((await binaryFor('linux'))[0]).toBe(join('/out/unpacked', 'plandesk'));
    expect((await binaryFor('win32', 3))[0]).toBe(join('/out/unpacked', 'PlanDesk.exe'));
    const mac = await binaryFor('darwin', 3);
    expect(mac[0]).toBe(join('/out/unpacked', 'PlanDesk.app'));
    expect(mac[1]).toMatchObject({ resetAdHocDarwinSignature: true });
    await expect(hook.afterPack(context('beos'), fakeFuses())).rejects.toThrow(/unknown platform/);
  });

  it('fails the build when a fuse did not take', async () => {
    await expect(hook.afterPack(context('win32'), fakeFuses(FuseV1Options.RunAsNode))).rejects.toThrow(/RunAsNode/);
  });

  it('fails the build when @electron/fuses does not know a fuse', async () => {
    const fuses = { ...fakeFuses(), FuseV1Options: { ...FuseV1Options, OnlyLoadAppFromAsar: undefined } };
    await expect(hook.afterPack(context('win32'), fuses)).rejects.toThrow(/OnlyLoadAppFromAsar/);
  });

  it('is the afterPack hook of electron-builder.yml', () => {
    const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    expect(yml).toMatch(/^afterPack: \.\/build\/fuses\.cjs$/m);
    expect(yml).not.toMatch(/^asar: false/m);
  });
});
