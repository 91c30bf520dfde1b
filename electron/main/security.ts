// Hardening applied to every web contents and session the app creates. Each handler is a plain
// function of its arguments so that test/electron/security.test.ts can check it without Electron.
import type { Event, Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://plandesk`;

export interface WebPreferenceOptions {
  /** Developer tools can be opened only in an unpackaged (development) build. */
  devTools?: boolean;
}

export function secureWebPreferences(preloadPath: string, opts: WebPreferenceOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools: opts.devTools === true,
    spellcheck: false,
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

type Preventable = Pick<Event, 'preventDefault'>;

/** will-navigate, will-frame-navigate and will-redirect: only within app://plandesk. */
export function guardNavigation(event: Preventable & { url: string }): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** window.open, target=_blank links, shift-click: never a new window. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** <webview> is never attached (webviewTag is off as well). */
export function denyWebview(event: Preventable): void {
  event.preventDefault();
}

/** Navigation away from the app, redirects away from it, new windows and webviews are denied. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event) => guardNavigation(event));
  contents.on('will-frame-navigate', (event) => guardNavigation(event));
  contents.on('will-redirect', (event) => guardNavigation(event));
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-attach-webview', (event) => denyWebview(event));
}

/**
 * Web permissions PlanDesk's page uses. None: paste and copy go through native clipboard
 * events and the Edit menu's roles (no clipboard API), there are no notifications, media,
 * geolocation, fullscreen requests, file-system or device access.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

function permitted(permission: string, origin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(origin);
}

export function permissionRequestHandler(
  webContents: Pick<WebContents, 'getURL'> | null,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(permitted(permission, details?.requestingUrl ?? webContents?.getURL() ?? ''));
}

export function permissionCheckHandler(_webContents: unknown, permission: string, requestingOrigin: string): boolean {
  return permitted(permission, requestingOrigin);
}

/** No HID, serial or USB device is ever granted. */
export function devicePermissionHandler(): boolean {
  return false;
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.setDevicePermissionHandler(devicePermissionHandler);
}
