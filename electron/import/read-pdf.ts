// PDF → paragraphs: text items with their positions from pdf.js (the legacy build runs in
// Node 20 without a canvas; text extraction needs no rendering), then the shared layout rules
// (layout-paragraphs.ts). No OCR: a scan is refused with a clear message. The reader is
// bounded in pages and time so a crafted file cannot hang the app.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PlanWarning } from '../../shared/plan/schema';
import { layoutParagraphs, type LayoutPage, type TextRun } from './layout-paragraphs';

export const MAX_PDF_PAGES = 300;
export const PDF_TIME_LIMIT_MS = 20_000;

export interface PagedText {
  paragraphs: string[];
  warnings: PlanWarning[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Folder of pdf.js's data files (CMaps for Chinese fonts that are not embedded, standard fonts). */
function pdfjsDataDir(): string | undefined {
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));
    return dirname(req.resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

function timeout<T>(work: Promise<T>, ms: number, onTimeout: () => void, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new AppError('bad-file', message));
    }, ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** The whole file was written: a PDF ends with %%EOF (a few bytes of padding may follow). */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

export async function readPdfParagraphs(fileName: string, bytes: Uint8Array, opts: { timeLimitMs?: number; maxPages?: number } = {}): Promise<PagedText> {
  const truncated = `“${fileName}”不完整（文件末尾缺失，可能在下载或复制时被截断），无法读取。请重新获取完整的文件`;
  if (!looksComplete(bytes)) throw new AppError('bad-file', truncated);
  const pdfjs = await loadPdfJs();
  const dataDir = pdfjsDataDir();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(dataDir ? { cMapUrl: join(dataDir, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(dataDir, 'standard_fonts') + '/' } : {}),
  });
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  const work = (async () => {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === 'PasswordException') throw new AppError('bad-file', `“${fileName}”设置了打开密码（已加密），无法读取。请在 PDF 阅读器中输入密码后另存为不加密的文件，或找到原始 Word 文档`);
      if (err instanceof RangeError) throw new AppError('bad-file', `“${fileName}”的结构异常（对象嵌套过深），为安全起见已拒绝读取`);
      throw new AppError('bad-file', `“${fileName}”已损坏，无法作为 PDF 文件读取（${name === 'InvalidPDFException' ? '文件结构无效' : '无法解析'}）`);
    }
    const warnings: PlanWarning[] = [];
    const count = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) {
      warnings.push({ code: 'pdf-pages-cut', message: `PDF 共 ${doc.numPages} 页，只读取了前 ${maxPages} 页`, path: 'body' });
    }
    const pages: LayoutPage[] = [];
    for (let p = 1; p <= count; p++) {
      let page;
      try {
        page = await doc.getPage(p);
      } catch (err) {
        if (err instanceof RangeError) throw new AppError('bad-file', `“${fileName}”的结构异常（对象嵌套过深），为安全起见已拒绝读取`);
        throw new AppError('bad-file', `“${fileName}”第${p}页已损坏，无法读取`);
      }
      const [vx0 = 0, vy0 = 0, vx1 = 595, vy1 = 842] = page.view;
      const height = vy1 - vy0;
      let content;
      try {
        content = await page.getTextContent();
      } catch {
        throw new AppError('bad-file', `“${fileName}”第${p}页的文字无法读取（文件可能已损坏）`);
      }
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Horizontal text only (a rotated stamp or a vertical note is not running text).
        if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3) continue;
        const size = Math.abs(d ?? 0) || item.height || Math.abs(a ?? 0);
        runs.push({ x: (e ?? 0) - vx0, y: vy1 - (f ?? 0), width: item.width, size, text: item.str });
      }
      pages.push({ width: vx1 - vx0, height, runs });
      page.cleanup();
    }
    return { pages, warnings };
  })();
  let result: { pages: LayoutPage[]; warnings: PlanWarning[] };
  try {
    result = await timeout(work, opts.timeLimitMs ?? PDF_TIME_LIMIT_MS, () => void task.destroy(), `读取“${fileName}”超时（超过 ${Math.round((opts.timeLimitMs ?? PDF_TIME_LIMIT_MS) / 1000)} 秒），文件可能过于复杂或已损坏`);
  } finally {
    void task.destroy();
  }
  const layout = layoutParagraphs(result.pages, 'PDF', 'pdf');
  if (layout.lineCount === 0) {
    throw new AppError('bad-file', `“${fileName}”中没有文字层（可能是扫描件或图片生成的 PDF），软件无法识别图片中的文字。请找到原始 Word 文档，或用 OCR 软件转为文字后再导入`);
  }
  return { paragraphs: layout.paragraphs, warnings: [...result.warnings, ...layout.warnings] };
}
