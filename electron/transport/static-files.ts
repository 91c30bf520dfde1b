// Serving the built renderer, for both hosts (the app:// protocol and the browser-mode HTTP
// host): content types, and the file a URL path names, never outside the renderer folder.
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}

/** The file for a URL path: client-side routes get index.html; null when outside the root. */
export function staticFilePath(root: string, urlPath: string): string | null {
  const base = normalize(root);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel === '/' || !extname(rel)) rel = '/index.html';
  const file = normalize(join(base, rel));
  return file.startsWith(base + sep) ? file : null;
}
