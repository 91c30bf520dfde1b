// Browser mode tries the port of the last start first (the page keeps its origin, and with it
// this browser's copy of unsaved drafts); a taken port falls back to any free one.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { apiCall, startServerProcess, type ServerProcess } from '../helpers/browser-process';
import { tempDir } from '../helpers/temp-library';

async function kill9(s: ServerProcess): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
  await s.stop();
}

describe('browser mode: the port', () => {
  it('is the last start’s port again after a crash, and any free port when that one is taken', async () => {
    const home = tempDir();
    const running: ServerProcess[] = [];
    try {
      const first = await startServerProcess(home, { PLANDESK_PORT: '' });
      await kill9(first);
      const second = await startServerProcess(home, { PLANDESK_PORT: '' });
      running.push(second);
      expect(second.port).toBe(first.port);
      const third = await startServerProcess(home, { PLANDESK_PORT: '' });
      running.push(third);
      expect(third.port).not.toBe(first.port);
      expect((await apiCall(third, 'plans.list', {})).status).toBe(200);
      expect((await apiCall(second, 'plans.list', {})).status).toBe(200);
    } finally {
      for (const s of running) await s.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
