// HTML → text lines for the analyser (saved pages, pasted HTML, mammoth's DOCX output).
// htmlparser2 does the parsing (tolerant of broken markup, decodes entities); this module only
// decides where lines break, drops the site's containers and writes Word list numbers
// (mammoth turns them into <ol><li>) as the labels a drafter would have typed.
import { Parser } from 'htmlparser2';
import { formatLabel } from '../plan/numbering';
import type { Level } from '../plan/schema';
import { matchItem } from './outline';

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'iframe',
  'button',
  'select',
  'option',
  'form',
  'nav',
  'footer',
  'aside',
  'object',
  'canvas',
  'textarea',
  'map',
  'video',
  'audio',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'section',
  'article',
  'ul',
  'ol',
  'dd',
  'dt',
  'dl',
  'blockquote',
  'pre',
  'hr',
  'title',
  'center',
  'tbody',
  'thead',
  'tfoot',
  'main',
  'figure',
  'figcaption',
  'address',
  'header',
  'body',
  'html',
  'caption',
]);
/** class/id tokens of site containers (navigation, share bars, related links, footers). */
const SITE_CLASS =
  /(^|[\s_-])(nav|navbar|menu|topmenu|breadcrumbs?|crumbs?|share|bdsharebuttonbox|sidebar|related|relate|copyright|friendlinks?|footer|foot|toolbar|topbar|search|login)($|[\s_-])/i;

interface ListState {
  ordered: boolean;
  level: Level;
  count: number;
}

/** Deepest nesting of open elements read (real pages, unclosed <font> and <p> included, stay far below). */
export const MAX_HTML_DEPTH = 2_000;

export function htmlToText(html: string): string {
  return readHtml(html).text;
}

/** The text lines of a page, and whether reading stopped at MAX_HTML_DEPTH (the rest is not read). */
export function readHtml(html: string): { text: string; tooDeep: boolean } {
  let tooDeep = false;
  const lines: string[] = [];
  let cur = '';
  let skipDepth = 0;
  const stack: Array<{ name: string; skip: boolean }> = [];
  const lists: ListState[] = [];
  let pendingLabel: string | null = null;
  let lastHandLevel = 0;
  let inCell = false;

  const flush = (): void => {
    const line = cur.replace(/[ \t\r\n]+/g, ' ').trim();
    cur = '';
    if (!line || /^[|\s]+$/.test(line)) return;
    lines.push(line);
    if (!lists.length) {
      const m = matchItem(line);
      if (m) lastHandLevel = m.level;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        // Unclosed tags pile up (a million <b> is 3 MB): htmlparser2's work grows with the square
        // of the depth, so reading stops at a depth no real page reaches (the caller is told).
        if (stack.length >= MAX_HTML_DEPTH) {
          tooDeep = true;
          parser.pause();
          return;
        }
        const cls = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        const skip = skipDepth > 0 || SKIP_TAGS.has(name) || SITE_CLASS.test(cls);
        stack.push({ name, skip });
        if (skip) {
          skipDepth++;
          return;
        }
        if (name === 'td' || name === 'th') {
          if (inCell) cur += ' | ';
          inCell = true;
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (name === 'tr') inCell = false;
        if (name === 'ol' || name === 'ul') {
          const parent = lists[lists.length - 1];
          const base = parent ? parent.level + 1 : lastHandLevel + 1;
          const start = Number(attrs.start);
          lists.push({
            ordered: name === 'ol',
            level: Math.min(4, Math.max(1, base)) as Level,
            count: Number.isInteger(start) && start > 0 ? start - 1 : 0,
          });
        } else if (name === 'li') {
          const list = lists[lists.length - 1];
          if (list?.ordered) {
            list.count++;
            pendingLabel = formatLabel(list.level, list.count);
          }
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (pendingLabel !== null) {
          if (!text.trim()) return;
          if (!matchItem(text.trim())) cur += pendingLabel;
          pendingLabel = null;
        }
        cur += text;
      },
      onclosetag(name) {
        // Pop to the matching open tag (htmlparser2 reports implied closes too).
        let idx = -1;
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]!.name === name) {
            idx = i;
            break;
          }
        }
        if (idx < 0) return;
        while (stack.length > idx) {
          const top = stack.pop()!;
          if (top.skip) {
            skipDepth--;
            continue;
          }
          if (top.name === 'ol' || top.name === 'ul') lists.pop();
          if (top.name === 'tr') inCell = false;
          if (BLOCK_TAGS.has(top.name)) flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (!tooDeep) parser.end();
  flush();
  return { text: lines.join('\n'), tooDeep };
}
