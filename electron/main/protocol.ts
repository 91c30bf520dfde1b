// Serves the renderer from app://plandesk/ so that 'self' in the CSP means our files only.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';
import { contentType, staticFilePath } from '../transport/static-files';
import { APP_SCHEME } from './security';

export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
};

/** Headers of every file served on app://: its type, the CSP, and no MIME sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentType(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The app:// handler: files under rendererDir only, each with appResponseHeaders. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = staticFilePath(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not Found', { status: 404 });
    try {
      const data = await readFile(file);
      return new Response(new Uint8Array(data), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('Not Found', { status: 404 });
    }
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
