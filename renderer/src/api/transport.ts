// Chooses the transport synchronously at start-up: the Electron bridge when the preload put
// it there, otherwise HTTP to the browser-mode host with the per-launch token.
import type { Invoke, OperationName } from '../../../shared/contract';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import { decodeWire, encodeWire } from '../../../shared/wire';

interface Bridge {
  invoke(name: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown }>;
}

const TOKEN_KEY = 'plandesk.token';

function unwrap(res: { ok: boolean; result?: unknown; error?: unknown }): unknown {
  if (res.ok) return res.result;
  if (isAppErrorShape(res.error)) throw new AppError(res.error.code, res.error.message, res.error.details);
  throw new AppError('internal', '后台返回了无法识别的错误');
}

/** Reads the token from the address (#token=…) once, then keeps it for reloads of this tab. */
function takeToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export type TransportKind = 'ipc' | 'http';

export function createTransport(): { kind: TransportKind; invoke: Invoke; tokenMissing: boolean } {
  const bridge = (window as unknown as { plandesk?: Bridge }).plandesk;
  if (bridge && typeof bridge.invoke === 'function') {
    return {
      kind: 'ipc',
      tokenMissing: false,
      invoke: (async (name: OperationName, args: unknown) => unwrap(await bridge.invoke(name, args))) as Invoke,
    };
  }
  const token = takeToken();
  const invoke = (async (name: OperationName, args: unknown) => {
    let response: Response;
    try {
      response = await fetch('api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PlanDesk-Token': token ?? '' },
        body: encodeWire({ name, args }),
      });
    } catch {
      throw new AppError('io', '无法连接 PlanDesk 后台。请确认启动 PlanDesk 的命令行窗口仍在运行。');
    }
    const text = await response.text();
    let body: { ok: boolean; result?: unknown; error?: unknown };
    try {
      body = decodeWire(text) as typeof body;
    } catch {
      throw new AppError('io', `后台返回了无法识别的内容（HTTP ${response.status}）`);
    }
    return unwrap(body);
  }) as Invoke;
  return { kind: 'http', invoke, tokenMissing: !token };
}
