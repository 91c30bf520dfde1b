// Remembering the window's size and position between launches (stored in settings).
import { z } from 'zod';

export const WINDOW_STATE_KEY = 'window.state';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10000),
  height: z.number().int().min(560).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A stored state, kept only if the window would still be visible on one of the displays. */
export function restoreWindowState(stored: unknown, displays: Rect[]): WindowState {
  const parsed = WindowStateSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const s = parsed.data;
  if (s.x === undefined || s.y === undefined) return { ...s, x: undefined, y: undefined };
  const visible = displays.some((d) => s.x! + 100 > d.x && s.x! < d.x + d.width - 100 && s.y! >= d.y - 10 && s.y! < d.y + d.height - 100);
  return visible ? s : { width: s.width, height: s.height, maximized: s.maximized };
}
