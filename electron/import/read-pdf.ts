// PDF → paragraphs: text items with their positions from pdf.js (the legacy build runs in
// Node 20 without a canvas; text extraction needs no rendering), then the shared layout rules
// (layout-paragraphs.ts). No OCR: a scan is refused with a clear message.
//
// A crafted PDF must not hang or exhaust the app: pdf.js runs in a worker thread with a heap
// limit, and the worker is terminated when the time limit passes (a Promise.race alone cannot
// interrupt a parser stuck in synchronous work). The worker runs the same extraction function
// as the in-process fallback, from its source text, so there is one implementation and no
// extra file to ship; when a worker cannot be started the extraction runs in-process, bounded
// by the same limits between its steps.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { PlanWarning } from '../../shared/plan/schema';
import { layoutParagraphs, type LayoutPage } from './layout-paragraphs';
import { WorkerFailed, WorkerTimeLimit, WorkerUnavailable, workerPool } from './worker-pool';

export const MAX_PDF_PAGES = 300;
export const PDF_TIME_LIMIT_MS = 20_000;
/** Heap of the PDF worker; a file that needs more is refused. */
export const PDF_WORKER_HEAP_MB = 768;

export interface PagedText {
  paragraphs: string[];
  warnings: PlanWarning[];
}

interface ExtractOptions {
  maxPages: number;
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

type ExtractError = 'password' | 'invalid' | 'nested' | 'broken' | 'internal';
export type Extracted = { numPages: number; pages: LayoutPage[] } | { error: ExtractError; page?: number; message?: string };

/**
 * pdf.js document → positioned runs per page (y measured down from the top). Self-contained:
 * it references nothing outside itself, because the worker runs it from its source text.
 */
export async function extractPdfRuns(pdfjs: unknown, data: Uint8Array, o: ExtractOptions): Promise<Extracted> {
  const lib = pdfjs as { getDocument(p: Record<string, unknown>): { promise: Promise<any>; destroy(): Promise<void> } };
  const task = lib.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(o.cMapUrl ? { cMapUrl: o.cMapUrl, cMapPacked: true } : {}),
    ...(o.standardFontDataUrl ? { standardFontDataUrl: o.standardFontDataUrl } : {}),
  });
  // A ReferenceError is ours (the source text ran somewhere it should not), never the file's.
  const classify = (err: unknown): ExtractError =>
    err instanceof ReferenceError
      ? 'internal'
      : err instanceof RangeError
        ? 'nested'
        : (err as Error)?.name === 'PasswordException'
          ? 'password'
          : (err as Error)?.name === 'InvalidPDFException'
            ? 'invalid'
            : 'broken';
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      return { error: classify(err), message: String((err as Error)?.message ?? err) };
    }
    const count = Math.min(doc.numPages as number, o.maxPages);
    const pages: LayoutPage[] = [];
    for (let p = 1; p <= count; p++) {
      let runs: LayoutPage['runs'];
      let view: number[];
      try {
        const page = await doc.getPage(p);
        view = page.view as number[];
        const content = await page.getTextContent();
        runs = [];
        const top = view[3] ?? 842;
        for (const item of content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>) {
          if (!item.str || !item.transform) continue;
          const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
          // Horizontal text only (a rotated stamp or a vertical note is not running text).
          if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue;
          runs.push({ x: e - (view[0] ?? 0), y: top - f, width: item.width ?? 0, size: Math.abs(d) || item.height || Math.abs(a), text: item.str });
        }
        page.cleanup();
      } catch (err) {
        const kind = classify(err);
        return { error: kind === 'nested' || kind === 'internal' ? kind : 'broken', page: p, message: String((err as Error)?.message ?? err) };
      }
      pages.push({ width: (view[2] ?? 595) - (view[0] ?? 0), height: (view[3] ?? 842) - (view[1] ?? 0), runs });
    }
    return { numPages: doc.numPages as number, pages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Where pdf.js lives: its module (for the worker) and data files (CMaps for Chinese fonts that are not embedded, standard fonts). */
function pdfjsPaths(): { moduleUrl: string; cMapUrl: string; standardFontDataUrl: string } | undefined {
  try {
    // Absolute only: inside an eval'd worker (the import worker in development) __filename is "[worker eval]".
    const req = createRequire(typeof __filename === 'string' && isAbsolute(__filename) ? __filename : join(process.cwd(), 'index.js'));
    let dir = dirname(req.resolve('pdfjs-dist/package.json'));
    // Packaged app: pdf.js is unpacked beside the asar archive (electron-builder.yml), because
    // a worker thread reads files without Electron's asar support.
    const unpacked = dir.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (unpacked !== dir && existsSync(unpacked)) dir = unpacked;
    return {
      moduleUrl: pathToFileURL(join(dir, 'legacy', 'build', 'pdf.mjs')).href,
      cMapUrl: join(dir, 'cmaps') + '/',
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    };
  } catch {
    return undefined;
  }
}

// The worker keeps pdf.js loaded between files (importing it costs ~200 ms); one file at a time.
// `__name` is the helper that esbuild-based loaders with keepNames (tsx) put into function
// source; a no-op here.
const WORKER_SOURCE = (fn: string) => `
const { parentPort } = require('node:worker_threads');
var __name = (f) => f;
const extract = (${fn});
let pdfjs;
parentPort.on('message', async (m) => {
  try {
    pdfjs = pdfjs || (await import(m.moduleUrl));
  } catch (e) {
    parentPort.postMessage({ error: 'start', message: String((e && e.message) || e) });
    return;
  }
  try {
    parentPort.postMessage(await extract(pdfjs, m.data, m.opts));
  } catch (e) {
    parentPort.postMessage({ error: e instanceof RangeError ? 'nested' : e instanceof ReferenceError ? 'start' : 'broken', message: String((e && e.message) || e) });
  }
});
`;

const pdfWorkers = workerPool(
  () =>
    new Worker(WORKER_SOURCE(extractPdfRuns.toString()), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    }),
);

/** A worker that could not load pdf.js (or failed inside) is not reused, and the caller reads in-process. */
const workerBroken = (m: unknown) => typeof m === 'object' && m !== null && 'error' in m && (m.error === 'start' || m.error === 'internal');

async function inWorker(data: Uint8Array, opts: ExtractOptions, moduleUrl: string, ms: number): Promise<Extracted> {
  let reply: unknown;
  try {
    reply = await pdfWorkers.run({ data, opts, moduleUrl }, [data.buffer as ArrayBuffer], ms, (m) => !workerBroken(m));
  } catch (err) {
    if (!(err instanceof WorkerFailed)) throw err;
    // Out of heap: the file needs more memory than any plan could.
    if (err.error.code === 'ERR_WORKER_OUT_OF_MEMORY' || err.error instanceof RangeError) return { error: 'nested', message: String(err.error.message) };
    throw new WorkerUnavailable(String(err.error));
  }
  if (workerBroken(reply)) throw new WorkerUnavailable((reply as { message?: string }).message ?? '');
  return reply as Extracted;
}

function inProcess(data: Uint8Array, opts: ExtractOptions, ms: number): Promise<Extracted> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WorkerTimeLimit()), ms);
  });
  return Promise.race([loadPdfJs().then((pdfjs) => extractPdfRuns(pdfjs, data, opts)), limit]).finally(() => clearTimeout(timer));
}

/** The whole file was written: a PDF ends with %%EOF (a few bytes of padding may follow). */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

export interface PdfReadOptions {
  timeLimitMs?: number;
  maxPages?: number;
  /** 'worker' (default: isolated, killed at the time limit) or 'in-process'. */
  mode?: 'worker' | 'in-process';
}

export async function readPdfParagraphs(fileName: string, bytes: Uint8Array, opts: PdfReadOptions = {}): Promise<PagedText & { via: 'worker' | 'in-process' }> {
  if (!looksComplete(bytes)) throw new AppError('bad-file', `“${fileName}”不完整（文件末尾缺失，可能在下载或复制时被截断），无法读取。请重新获取完整的文件`);
  const ms = opts.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  const paths = pdfjsPaths();
  const extractOpts: ExtractOptions = { maxPages, ...(paths ? { cMapUrl: paths.cMapUrl, standardFontDataUrl: paths.standardFontDataUrl } : {}) };
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let via: 'worker' | 'in-process' = opts.mode === 'in-process' || !paths ? 'in-process' : 'worker';
  let result: Extracted;
  try {
    try {
      result = via === 'worker' ? await inWorker(data, extractOpts, paths!.moduleUrl, ms) : await inProcess(data, extractOpts, ms);
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) throw err;
      via = 'in-process';
      result = await inProcess(new Uint8Array(bytes), extractOpts, ms);
    }
  } catch (err) {
    if (err instanceof WorkerTimeLimit) throw new AppError('bad-file', `读取“${fileName}”超时（超过 ${Math.round(ms / 1000)} 秒），文件可能过于复杂或已损坏`);
    throw err;
  }
  if ('error' in result) {
    if (result.error === 'internal') throw new AppError('internal', `读取 PDF 时出现内部错误：${result.message ?? ''}`);
    if (result.error === 'password')
      throw new AppError('bad-file', `“${fileName}”设置了打开密码（已加密），无法读取。请在 PDF 阅读器中输入密码后另存为不加密的文件，或找到原始 Word 文档`);
    if (result.error === 'nested') throw new AppError('bad-file', `“${fileName}”的结构异常（对象嵌套过深或数据过大），为安全起见已拒绝读取`);
    if (result.page) throw new AppError('bad-file', `“${fileName}”第${result.page}页已损坏，无法读取`);
    throw new AppError('bad-file', `“${fileName}”已损坏，无法作为 PDF 文件读取（${result.error === 'invalid' ? '文件结构无效' : '无法解析'}）`);
  }
  const warnings: PlanWarning[] = [];
  if (result.numPages > maxPages) warnings.push({ code: 'pdf-pages-cut', message: `PDF 共 ${result.numPages} 页，只读取了前 ${maxPages} 页`, path: 'body' });
  const layout = layoutParagraphs(result.pages, 'PDF', 'pdf');
  if (layout.lineCount === 0) {
    throw new AppError(
      'bad-file',
      `“${fileName}”中没有文字层（可能是扫描件或图片生成的 PDF），软件无法识别图片中的文字。请找到原始 Word 文档，或用 OCR 软件转为文字后再导入`,
    );
  }
  return { paragraphs: layout.paragraphs, warnings: [...warnings, ...layout.warnings], via };
}
