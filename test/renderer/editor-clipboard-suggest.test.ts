// Clipboard (copy with labels, paste through the importer's analyser), 修订 mode (suggested
// insertions and deletions), and the decoration plugins (search hits, targets, the title's
// 。) on a headless ProseMirror state (no browser).
import { AllSelection, TextSelection } from '@tiptap/pm/state';
import type { Plugin } from '@tiptap/pm/state';
import type { Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { Numbering } from '../../renderer/src/editor/numbering-plugin';
import { PlanClipboard, pastedBlocks, selectionTextWithLabels } from '../../renderer/src/editor/clipboard';
import { searchKey, SearchHighlight, setSearchMeta } from '../../renderer/src/editor/search-plugin';
import { TargetHighlight } from '../../renderer/src/editor/targets-plugin';
import { TitleStop } from '../../renderer/src/editor/title-stop-plugin';
import { insertBlockAfter, moveBlocks } from '../../renderer/src/editor/structure';
import { history, redo, undo } from '@tiptap/pm/history';
import {
  decideSuggestions,
  isSuggesting,
  listSuggestions,
  suggestDelete,
  suggestKey,
  SuggestMode,
  type Suggester,
} from '../../renderer/src/review/suggest-mode';
import { ySyncPluginKey } from 'y-prosemirror';
import { decorationsOf, H, Harness, P, pluginsOf, T } from './pm-harness';

const SAMPLE = [H(1, '总体要求'), H(2, '加强管理'), T(3, '开展检查', '每月一次。', ['县应急局']), T(3, '组织培训', '全员参加。'), P('以上各项抓好落实。', 2)];

function clipboardPlugin(): Plugin {
  return pluginsOf(PlanClipboard)[0]!;
}

function pasteEvent(data: Record<string, string>) {
  return { clipboardData: { getData: (type: string) => data[type] ?? '' }, preventDefault: () => undefined } as unknown as ClipboardEvent;
}

describe('copy: text with labels', () => {
  it('copies whole blocks with their labels, the title stop and the units', () => {
    const h = new Harness(SAMPLE, [...pluginsOf(Numbering), clipboardPlugin()]);
    h.dispatch(h.state.tr.setSelection(new AllSelection(h.state.doc)));
    const lines = selectionTextWithLabels(h.view).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 2)).toEqual(['一、总体要求', '（一）加强管理']);
    expect(lines[2]).toMatch(/^1\.开展检查。每月一次。（.*县应急局.*）$/);
    expect(lines[3]).toBe('2.组织培训。全员参加。');
    expect(lines[4]).toBe('以上各项抓好落实。');
    // The plugin's clipboardTextSerializer is this function.
    const serialize = clipboardPlugin().props.clipboardTextSerializer as (s: Slice, v: EditorView) => string;
    expect(serialize(h.state.selection.content(), h.view)).toBe(lines.join('\n'));
  });

  it('a selection inside a body copies only the words, without label or units', () => {
    const h = new Harness(SAMPLE, pluginsOf(Numbering));
    const at = h.find('每月');
    h.select(at, at + 2);
    expect(selectionTextWithLabels(h.view)).toBe('每月');
  });

  it('labels follow the current numbering after a structural change', () => {
    const h = new Harness(SAMPLE, pluginsOf(Numbering));
    h.cursor(1, 0);
    h.apply(insertBlockAfter(h.state, 'task', 3));
    h.dispatch(h.state.tr.insertText('新任务'));
    h.dispatch(h.state.tr.setSelection(new AllSelection(h.state.doc)));
    expect(
      selectionTextWithLabels(h.view)
        .split('\n')
        .slice(2, 5)
        .map((l) => l.slice(0, 6)),
    ).toEqual(['1.新任务。', '2.开展检查', '3.组织培训']);
  });
});

describe('paste: plan structure from text and HTML', () => {
  const TEXT = '一、重点工作\n（一）加强管理\n1.开展检查。每月开展一次安全检查。\n2.组织培训。全员参加培训。';

  it('analyses multi-line text into headings and tasks', () => {
    const blocks = pastedBlocks(null, TEXT)!;
    expect(blocks.map((b) => `${b.type}${'level' in b ? b.level : ''} ${'title' in b ? b.title : b.text}`)).toEqual([
      'heading1 重点工作',
      'heading2 加强管理',
      'task3 开展检查',
      'task3 组织培训',
    ]);
  });

  it('analyses pasted HTML (Word/WPS, web pages) the same way', () => {
    const html = '<html><body><p style="color:red">一、重点工作</p><p>（一）加强管理</p><p onclick="x()">1.开展检查。每月开展一次安全检查。</p></body></html>';
    const blocks = pastedBlocks(html, '一、重点工作\n（一）加强管理\n1.开展检查。每月开展一次安全检查。')!;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading', 'task']);
    expect(blocks[2]).toMatchObject({ title: '开展检查', text: '每月开展一次安全检查。' });
  });

  it('leaves single lines and the editor’s own HTML to ProseMirror', () => {
    expect(pastedBlocks(null, '一行文字')).toBeNull();
    expect(pastedBlocks('<div data-plan-task="">x</div>', 'a\nb')).toBeNull();
  });

  it('handlePaste replaces an empty paragraph with the analysed blocks, numbered', () => {
    const h = new Harness([H(1, '总体要求'), P('')], [...pluginsOf(Numbering), clipboardPlugin()]);
    h.cursor(1, 0);
    const handled = clipboardPlugin().props.handlePaste!.call(
      clipboardPlugin(),
      h.view,
      pasteEvent({ 'text/plain': TEXT.split('\n').slice(1).join('\n') }),
      h.state.selection.content(),
    );
    expect(handled).toBe(true);
    expect(h.shape.map((s) => s.split('|')[0])).toEqual(['h1 总体要求', 'h2 加强管理', 't3 开展检查', 't3 组织培训']);
  });

  it('styled single-line text is pasted as plain words', () => {
    const h = new Harness([P('前')], [clipboardPlugin()]);
    h.cursor(0, 1);
    const handled = clipboardPlugin().props.handlePaste!.call(
      clipboardPlugin(),
      h.view,
      pasteEvent({ 'text/html': '<b style="x">加粗</b>', 'text/plain': '加粗' }),
      h.state.selection.content(),
    );
    expect(handled).toBe(true);
    expect(h.shape).toEqual(['p0 前加粗']);
  });

  it('strips scripts, styles and event attributes from pasted HTML', () => {
    const transform = clipboardPlugin().props.transformPastedHTML as (html: string, view: EditorView) => string;
    const out = transform('<p onclick="steal()">文字</p><script>alert(1)</script><style>p{}</style>', null as unknown as EditorView);
    expect(out).toBe('<p>文字</p>');
  });
});

describe('修订 mode (suggested edits)', () => {
  const who: Suggester = { name: '张三', unit: '县应急局' };
  const plugin = () => pluginsOf(SuggestMode)[0]!;

  function suggesting(blocks = SAMPLE) {
    const p = plugin();
    const h = new Harness(blocks, [p]);
    h.dispatch(h.state.tr.setMeta(suggestKey, { enabled: true, who }));
    return { h, p };
  }
  const marksAt = (h: Harness, pos: number) => h.state.doc.nodeAt(pos)!.marks.map((m) => `${m.type.name}:${String(m.attrs.author)}`);

  it('in team mode, another person’s typing and new task arriving through the shared document are theirs, not this reviewer’s suggestions', () => {
    const { h } = suggesting();
    const at = h.find('每月');
    // y-prosemirror's own key: the meta of a change from the shared Y.Doc.
    h.dispatch(h.state.tr.insertText('他人', at).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(h.state.doc.child(2).child(1).textContent).toBe('他人每月一次。');
    expect(marksAt(h, at)).toEqual([]);
    const end = h.state.doc.content.size;
    h.dispatch(insertBlockAfter(h.state, 'task', 3)!.setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(h.state.doc.content.size).toBeGreaterThan(end);
    h.state.doc.forEach((n) => expect(n.attrs.suggestion ?? null).toBeNull());
    // The same typing made here is this reviewer's suggestion.
    h.dispatch(h.state.tr.insertText('自己', at));
    expect(marksAt(h, at)).toEqual(['insertion:张三']);
  });

  it('is off until switched on', () => {
    const p = plugin();
    const h = new Harness(SAMPLE, [p]);
    expect(isSuggesting(h.state).enabled).toBe(false);
    const at = h.find('每月');
    expect(p.props.handleTextInput!.call(p, h.view, at, at, '再', () => h.state.tr)).toBe(false);
  });

  it('typing inserts text marked as this reviewer’s insertion; typing on continues the same suggestion', () => {
    const { h, p } = suggesting();
    const at = h.find('每月');
    h.select(at, at);
    expect(p.props.handleTextInput!.call(p, h.view, at, at, '至少', () => h.state.tr)).toBe(true);
    expect(p.props.handleTextInput!.call(p, h.view, at + 2, at + 2, '须', () => h.state.tr)).toBe(true);
    expect(h.state.doc.child(2).child(1).textContent).toBe('至少须每月一次。');
    expect(marksAt(h, at)).toEqual(['insertion:张三']);
    const list = listSuggestions(h.state.doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'insertion', author: '张三', unit: '县应急局', text: '至少须' });
  });

  it('Backspace marks the character as a suggested deletion and keeps it', () => {
    const { h, p } = suggesting();
    const at = h.find('一次');
    h.select(at + 1, at + 1);
    const handled = p.props.handleKeyDown!.call(p, h.view, { key: 'Backspace', preventDefault: () => undefined } as KeyboardEvent);
    expect(handled).toBe(true);
    expect(h.state.doc.child(2).child(1).textContent).toBe('每月一次。');
    expect(marksAt(h, at)).toEqual(['deletion:张三']);
    expect(h.state.selection.head).toBe(at);
    expect(listSuggestions(h.state.doc)).toMatchObject([{ kind: 'deletion', text: '一' }]);
  });

  it('deleting one’s own suggested insertion removes it instead of marking it', () => {
    const { h, p } = suggesting();
    const at = h.find('每月');
    p.props.handleTextInput!.call(p, h.view, at, at, '至少', () => h.state.tr);
    const tr = h.state.tr;
    suggestDelete(tr, at, at + 4, who); // 至少 (own insertion) + 每月
    h.dispatch(tr);
    expect(h.state.doc.child(2).child(1).textContent).toBe('每月一次。');
    expect(listSuggestions(h.state.doc).map((s) => `${s.kind} ${s.text}`)).toEqual(['deletion 每月']);
  });

  it('a task created while suggesting is a suggested insertion', () => {
    const { h } = suggesting();
    h.cursor(2, 0);
    h.apply(insertBlockAfter(h.state, 'task', 3));
    expect(h.state.doc.child(3).attrs.suggestion).toMatchObject({ type: 'insert', author: '张三', unit: '县应急局' });
  });

  // Issue 18: whatever path text comes in by while suggesting, it ends up a suggestion.
  it('text inserted by any transaction (an IME read without the stored marks) is marked, continuing the reviewer’s suggestion', () => {
    const { h, p } = suggesting();
    const at = h.find('每月');
    h.select(at, at);
    p.props.handleTextInput!.call(p, h.view, at, at, '至少', () => h.state.tr);
    // ProseMirror reading a composition: a plain insertText, its stored marks lost.
    h.dispatch(
      h.state.tr
        .insertText('每季度', at + 2)
        .setStoredMarks([])
        .setMeta('composition', 1),
    );
    expect(h.state.doc.child(2).child(1).textContent).toBe('至少每季度每月一次。');
    expect(marksAt(h, at + 2)).toEqual(['insertion:张三']);
    expect(listSuggestions(h.state.doc).map((s) => `${s.kind} ${s.text}`)).toEqual(['insertion 至少每季度']);
    // Away from it, a new suggestion of its own; another reviewer's insertion is taken over.
    h.dispatch(h.state.tr.insertText('通报', h.find('全员')).setMeta('composition', 2));
    expect(listSuggestions(h.state.doc).map((s) => `${s.kind} ${s.author} ${s.text}`)).toEqual(['insertion 张三 至少每季度', 'insertion 张三 通报']);
    expect(isSuggesting(h.state).pending).toEqual([]);
  });

  it('leaves the document alone while a composition is open and marks its text right after', () => {
    const { h, p } = suggesting();
    p.spec.view!(h.view); // the plugin sees the harness's `composing`
    h.composing = true;
    const at = h.find('全员');
    h.dispatch(h.state.tr.insertText('通', at).setMeta('composition', 1));
    h.dispatch(h.state.tr.insertText('报', at + 1).setMeta('composition', 1));
    expect(marksAt(h, at)).toEqual([]);
    expect(isSuggesting(h.state).pending).toHaveLength(2);
    h.composing = false;
    h.dispatch(h.state.tr); // as compositionend's dispatch does
    expect(listSuggestions(h.state.doc).map((s) => `${s.kind} ${s.text}`)).toEqual(['insertion 通报']);
    expect(isSuggesting(h.state).pending).toEqual([]);
  });

  it('moving a section or undoing is not an insertion; undo takes back the text and its mark together', () => {
    const { h } = suggesting([...SAMPLE, H(2, '强化宣传'), T(3, '开展宣传', '集中宣传。')]);
    h.apply(moveBlocks(h.state, 5, 7, 1));
    expect(h.shape[1]).toBe('h2 强化宣传');
    expect(listSuggestions(h.state.doc)).toEqual([]);

    const withHistory = new Harness(SAMPLE, [plugin(), history()]);
    withHistory.dispatch(withHistory.state.tr.setMeta(suggestKey, { enabled: true, who }));
    const at = withHistory.find('全员');
    withHistory.dispatch(withHistory.state.tr.insertText('通报', at));
    expect(listSuggestions(withHistory.state.doc).map((s) => s.text)).toEqual(['通报']);
    undo(withHistory.state, withHistory.dispatch);
    expect(withHistory.state.doc.child(3).child(1).textContent).toBe('全员参加。');
    expect(listSuggestions(withHistory.state.doc)).toEqual([]);
    redo(withHistory.state, withHistory.dispatch);
    expect(listSuggestions(withHistory.state.doc).map((s) => `${s.kind} ${s.text}`)).toEqual(['insertion 通报']);
  });

  it('accepting keeps insertions and drops deletions; rejecting does the opposite', () => {
    const run = (accept: boolean) => {
      const { h, p } = suggesting();
      const at = h.find('每月');
      p.props.handleTextInput!.call(p, h.view, at, at, '至少', () => h.state.tr);
      const tr = h.state.tr;
      suggestDelete(tr, h.find('一次'), h.find('一次') + 2, who);
      h.dispatch(tr);
      const ids = new Set(listSuggestions(h.state.doc).map((s) => s.id));
      expect(ids.size).toBe(2);
      h.dispatch(decideSuggestions(h.state, ids, accept));
      expect(listSuggestions(h.state.doc)).toEqual([]);
      return h.state.doc.child(2).child(1).textContent;
    };
    expect(run(true)).toBe('至少每月。');
    expect(run(false)).toBe('每月一次。');
  });
});

describe('decoration plugins', () => {
  it('search hits: the current one is marked, and hits move with edits', () => {
    const h = new Harness(SAMPLE, pluginsOf(SearchHighlight));
    const a = h.find('开展检查');
    const b = h.find('组织培训');
    h.dispatch(
      h.state.tr.setMeta(
        searchKey,
        setSearchMeta({
          ranges: [
            { from: a, to: a + 2 },
            { from: b, to: b + 2 },
          ],
          current: 1,
        }).value,
      ),
    );
    expect(decorationsOf(searchKey.getState(h.state)).map((d) => [d.from, d.to, d.attrs.class])).toEqual([
      [a, a + 2, 'search-hit'],
      [b, b + 2, 'search-hit current'],
    ]);
    h.dispatch(h.state.tr.insertText('前', 2)); // before both hits
    expect(decorationsOf(searchKey.getState(h.state)).map((d) => d.from)).toEqual([a + 1, b + 1]);
  });

  it('targets are highlighted in tasks, and re-read in the edited task only', () => {
    const h = new Harness([T(3, '加强考核', '覆盖率达到100%。'), T(3, '其他', '无。')], pluginsOf(TargetHighlight));
    const plugin = h.state.plugins[0]!;
    const deco = () => decorationsOf(plugin.getState(h.state)).map((d) => h.state.doc.textBetween(d.from, d.to));
    expect(deco()).toEqual(['覆盖率达到100%']);
    const at = h.find('无。');
    h.dispatch(h.state.tr.insertText('年底前至少开展1次演练', at, at + 1));
    expect(deco()[0]).toBe('覆盖率达到100%');
    expect(deco().length).toBeGreaterThan(1);
    expect(deco().slice(1).join('')).toContain('1次');
  });

  it('the title’s 。 is a widget at the start of the body, only when the title does not end a sentence', () => {
    const h = new Harness([T(3, '加强考核', '正文。'), T(3, '已有句号。', '正文。')], pluginsOf(TitleStop));
    const plugin = h.state.plugins[0]!;
    const widgets = () => decorationsOf(plugin.getState(h.state)).map((d) => d.from);
    const bodyStart = (i: number) => h.blockPos(i) + 1 + h.state.doc.child(i).child(0).nodeSize + 1;
    expect(widgets()).toEqual([bodyStart(0)]);
    // Typing 。 at the end of the first title removes its widget.
    h.dispatch(h.state.tr.insertText('。', bodyStart(0) - 2));
    expect(widgets()).toEqual([]);
    h.dispatch(h.state.tr.setSelection(TextSelection.create(h.state.doc, 2)));
    expect(widgets()).toEqual([]);
  });
});
