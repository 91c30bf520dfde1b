// The preload exposes exactly one function to the page: invoke(name, args). Menu commands
// arrive as DOM events ('plandesk:menu'), so no Electron object crosses the bridge.
import { contextBridge, ipcRenderer } from 'electron';

const CHANNEL = 'plandesk:invoke';

contextBridge.exposeInMainWorld('plandesk', {
  invoke: (name: string, args: unknown) => ipcRenderer.invoke(CHANNEL, name, args),
});

ipcRenderer.on('plandesk:menu', (_event, command: unknown) => {
  const g = globalThis as unknown as { dispatchEvent(e: unknown): void; CustomEvent: new (t: string, i: unknown) => unknown };
  g.dispatchEvent(new g.CustomEvent('plandesk:menu', { detail: String(command) }));
});
