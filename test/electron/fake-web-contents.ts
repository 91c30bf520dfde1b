// A stand-in for Electron's webContents with hardenWebContents applied: `fire` sends a
// navigation event and says whether it was prevented; `open` asks the window-open handler.
import { expect, vi } from 'vitest';
import { hardenWebContents } from '../../electron/main/security';

type Handler = (...args: unknown[]) => unknown;

export function fakeWebContents() {
  const handlers: Record<string, Handler> = {};
  let openHandler: Handler | undefined;
  const contents = {
    on: (e: string, h: Handler) => {
      handlers[e] = h;
    },
    setWindowOpenHandler: (h: Handler) => {
      openHandler = h;
    },
  };
  hardenWebContents(contents as never);
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    expect(handlers[name], `${name} handler`).toBeTypeOf('function');
    handlers[name]!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { handlers, fire, open: (details: unknown) => openHandler!(details) };
}
