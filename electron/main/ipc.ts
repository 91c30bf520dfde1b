// The single IPC channel: the sender frame must be our own page; arguments are parsed by
// the dispatcher against the contract.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../transport/dispatch';
import { isAppUrl } from './security';

export const IPC_CHANNEL = 'plandesk:invoke';

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url) || event.senderFrame?.parent) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
    }
    return dispatch(name, args);
  });
}
