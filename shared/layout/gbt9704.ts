// GB/T 9704-2012 《党政机关公文格式》: the one place for the layout figures of an exported
// official document (see ../shared/docs/gbt9704.md). Pure: no Node, no DOM.
import { z } from 'zod';

/** 1 mm in twips (1/20 pt): 1 mm = 72/25.4 pt. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const PT_PER_MM = 72 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}
export function twipsToMm(twips: number): number {
  return twips / TWIPS_PER_MM;
}

/** A4 portrait, in mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;

/** Margins in mm: 天头 37, 订口 28; the 版心 is 156 × 225 so right 26 and bottom 35. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The text block (版心), in mm. */
export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

export const PAGE_TWIPS = { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) } as const;
export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN_MM.top),
  bottom: mmToTwips(MARGIN_MM.bottom),
  left: mmToTwips(MARGIN_MM.left),
  right: mmToTwips(MARGIN_MM.right),
} as const;
export const TEXT_BLOCK_TWIPS = {
  width: PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right,
  height: PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom,
} as const;

/** "一般每面22行、每行28个字". */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Line pitch: 225 mm / 22 ≈ 28.95 pt = 579 twips (default); 28 pt = 560 twips is local practice. */
export const LINE_PITCH_TWIPS_OPTIONS = [579, 560] as const;
export type LinePitchTwips = (typeof LINE_PITCH_TWIPS_OPTIONS)[number];
export const DEFAULT_LINE_PITCH_TWIPS: LinePitchTwips = 579;
export const LinePitchSchema = z.union([z.literal(579), z.literal(560)], {
  message: '行距应为 579（28.95 磅）或 560（28 磅）',
});

/** Chinese font sizes (字号) in points. */
export const FONT_SIZE_PT = {
  /** 二号: the title */
  erHao: 22,
  /** 三号: body, headings, 主送, 发文字号 */
  sanHao: 16,
  /** 四号: 版记, page numbers */
  siHao: 14,
} as const;

/** Half-points, as OOXML `w:sz` wants them. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/**
 * Body characters advance 16 pt but 28 of them need to fit 156 mm ≈ 442.2 pt, i.e. ≤ 15.79 pt
 * each. Body runs are condensed by 0.3 pt (w:spacing −6 twips): 28 × 15.7 = 439.6 pt fits and a
 * 29th (455 pt) does not, with or without a character grid. Measured in LibreOffice 7.4: −5
 * (15.75 pt, 0.6 mm of slack) still gave 27 per line, −6 gives 28.
 */
export const BODY_CHAR_SPACING_TWIPS = -6;

/**
 * The docGrid character pitch Word derives from `charSpace` (in 1/4096 pt relative to the
 * default font size): pitch = 156 mm / 28, so delta = pitch − 16 pt.
 */
export function gridCharSpace(fontPt: number = FONT_SIZE_PT.sanHao, chars: number = CHARS_PER_LINE): number {
  const pitchPt = (TEXT_BLOCK_MM.width * PT_PER_MM) / chars;
  return Math.round((pitchPt - fontPt) * 4096);
}

/** Page-number footer: its top 7 mm below the text block. */
export const PAGE_NUMBER_GAP_MM = 7;

/** Colours. */
export const RED = 'FF0000';
export const BLACK = '000000';

/** Line thicknesses in OOXML eighths of a point: red line ≈ 0.5 mm, 版记 thick 0.35 mm, thin 0.25 mm. */
export const RED_LINE_EIGHTHS = Math.round(0.5 * PT_PER_MM * 8);
export const THICK_LINE_EIGHTHS = Math.round(0.35 * PT_PER_MM * 8);
export const THIN_LINE_EIGHTHS = Math.round(0.25 * PT_PER_MM * 8);

/** The four font names (a setting: some places use 仿宋/楷体 instead of the _GB2312 variants). */
export const FontSettingsSchema = z.object({
  /** 标题, 发文机关标志 */
  title: z.string().trim().min(1, { message: '标题字体不能为空' }).max(64).default('方正小标宋简体'),
  /** 正文, 主送, level 3–4, 版记 */
  body: z.string().trim().min(1, { message: '正文字体不能为空' }).max(64).default('仿宋_GB2312'),
  /** level-1 headings 一、, 附件 label */
  heading1: z.string().trim().min(1, { message: '一级标题字体不能为空' }).max(64).default('黑体'),
  /** level-2 headings （一） */
  heading2: z.string().trim().min(1, { message: '二级标题字体不能为空' }).max(64).default('楷体_GB2312'),
  /** The title (and 发文机关标志) in bold: the 通用 scheme's 宋体加粗 stands in for 小标宋. */
  titleBold: z.boolean().optional(),
});
export type FontSettings = z.infer<typeof FontSettingsSchema>;

export const DEFAULT_FONTS: FontSettings = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
};

/** The localities that use plain 仿宋/楷体 (fonts shipped with Windows). */
export const PLAIN_FONTS: FontSettings = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
};

/**
 * 字体方案: 标准 — the fonts GB/T 9704 names; 通用 — fonts every Chinese Windows has, for
 * machines without the GB2312 fonts and 方正小标宋 (宋体 in bold for the title).
 */
export const FONT_SCHEMES = {
  standard: { ...DEFAULT_FONTS },
  common: { title: '宋体', titleBold: true, body: '仿宋', heading1: '黑体', heading2: '楷体' },
} as const satisfies Record<string, FontSettings>;
export type FontScheme = keyof typeof FONT_SCHEMES;
export const FONT_SCHEME_NAMES = ['standard', 'common'] as const satisfies readonly FontScheme[];
export const FONT_SCHEME_LABELS: Record<FontScheme, string> = { standard: '标准', common: '通用' };

/** The scheme a font setting is, or 'custom' when the fonts were changed by hand. */
export function fontSchemeOf(fonts: FontSettings): FontScheme | 'custom' {
  const same = (a: FontSettings, b: FontSettings) =>
    a.title === b.title && a.body === b.body && a.heading1 === b.heading1 && a.heading2 === b.heading2 && !!a.titleBold === !!b.titleBold;
  return FONT_SCHEME_NAMES.find((k) => same(fonts, FONT_SCHEMES[k])) ?? 'custom';
}

/** Fonts that cover GB2312 and no more: characters outside it print as blanks or boxes. */
export const GB2312_ONLY_FONTS: ReadonlySet<string> = new Set(['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体']);

/** Page numbers are always 宋体 (not a setting). */
export const PAGE_NUMBER_FONT = '宋体';

/**
 * What a DOCX's font table (word/fontTable.xml, ECMA-376 Part 1 §17.8.3) says of a font, so
 * Word and WPS on a machine without it pick a close one: an alternative name to try
 * (w:altName), the character set (86 = GB2312), the family and pitch, and the PANOSE-1
 * classification where it is known (as Windows' own copies of these fonts report it).
 */
export interface FontDeclaration {
  altName?: string;
  /** Two hex digits: '86' GB2312, '00' ANSI. */
  charset: string;
  family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  pitch: 'fixed' | 'variable' | 'default';
  /** Ten bytes as 20 hex digits. */
  panose1?: string;
}

/** The fonts of the export and of the 字体方案, by name. */
export const FONT_DECLARATIONS: Readonly<Record<string, FontDeclaration>> = {
  宋体: { altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable', panose1: '02010600030101010101' },
  黑体: { altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  仿宋: { altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  楷体: { altName: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  仿宋_GB2312: { altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  楷体_GB2312: { altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  // A print-shop font most machines lack: 宋体 is the closest font every Windows has.
  方正小标宋简体: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable', panose1: '02020603050405020304' },
};

/** The declaration of any font name: a known font's, else GB2312 for a Chinese name and ANSI otherwise. */
export function fontDeclaration(name: string): FontDeclaration {
  return FONT_DECLARATIONS[name] ?? { charset: /[^\u0000-\u00ff]/.test(name) ? '86' : '00', family: 'auto', pitch: 'variable' };
}
