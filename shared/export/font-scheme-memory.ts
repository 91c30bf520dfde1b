// The 字体方案 each office last exported with, kept in the library's settings (settings.get /
// settings.set) under one key: { [发文机关]: 'standard' | 'common' }. An office is the
// export's 发文机关 (resolveExport's issuer); plans without one share the '' entry. The export
// dialog and `plandesk export` read and write it alike.
import { FONT_SCHEME_NAMES, type FontScheme } from '../layout/gbt9704';

export const FONT_SCHEME_SETTINGS_KEY = 'export.fontSchemes';

const isScheme = (v: unknown): v is FontScheme => typeof v === 'string' && (FONT_SCHEME_NAMES as readonly string[]).includes(v);

/** The office's remembered scheme in the stored setting, or null. */
export function rememberedFontScheme(stored: unknown, office: string): FontScheme | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const v = (stored as Record<string, unknown>)[office.trim()];
  return isScheme(v) ? v : null;
}

/** The stored setting with the office's scheme set (other offices' kept, anything malformed dropped). */
export function rememberFontScheme(stored: unknown, office: string, scheme: FontScheme): Record<string, FontScheme> {
  const out: Record<string, FontScheme> = {};
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) if (isScheme(v)) out[k] = v;
  }
  out[office.trim()] = scheme;
  return out;
}
