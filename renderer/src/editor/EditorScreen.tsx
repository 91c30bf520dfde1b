// The plan editor screen: toolbar, outline (left), the document page, side panels (right).
import { EditorContent, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { STATUS_LABELS, type PlanRecord, type PlanStatus, type VersionSummary } from '../../../shared/contract';
import { blocksToNumberedBody, bodyToBlocks, type FlatBlock } from '../../../shared/plan/flat';
import { blockIndexOfPath } from '../../../shared/plan/paths';
import type { NumberingSettings, PlanDocument, PlanMeta } from '../../../shared/plan/schema';
import { errorMessage, invoke } from '../api/client';
import { formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { blocksToEditorJSON, editorDocToBlocks } from './convert';
import { jumpToBlock, jumpToNodeId } from './jump';
import { EDIT_UNITS_EVENT, type EditUnitsDetail } from './task-view';
import { usePlanEditor } from './usePlanEditor';
import { clearLocalDraft, readLocalDraft, useAutosave, type LocalDraft } from './useAutosave';
import { changeLevel, insertBlockAfter, moveBlocks, moveSection, sectionRange, blockAt } from './structure';
import { OutlinePanel } from './panels/OutlinePanel';
import { UnitsPanel } from './panels/UnitsPanel';
import { TargetsPanel } from './panels/TargetsPanel';
import { InfoPanel } from './panels/InfoPanel';
import { HistoryPanel } from './panels/HistoryPanel';
import { ChecksPanel } from './panels/ChecksPanel';
import { UnitsDialog } from './UnitsDialog';
import { SlashMenu } from './SlashMenu';
import { FindBar } from './FindBar';
import { SavePointDialog } from './SavePointDialog';
import { VersionViewer } from './VersionViewer';
import { ExportDialog } from './ExportDialog';
import type { ReviewThreadRecord } from '../../../shared/contract';
import { useReviewer } from '../review/useReviewer';
import { CommentsPanel } from '../review/CommentsPanel';
import { CommentDialog } from '../review/CommentDialog';
import { commentRange } from '../review/comment-anchors';
import { SuggestionsPanel } from '../review/SuggestionsPanel';
import { isSuggesting, suggestNodeChange } from '../review/suggest-mode';
import { locateAnnotations } from '../../../shared/review/opinion-rows';
import { outlineEntries } from './numbering-plugin';

type SideTab = 'checks' | 'comments' | 'suggestions' | 'units' | 'targets' | 'info' | 'history';
const TABS: Array<[SideTab, string]> = [
  ['checks', '校对'],
  ['comments', '批注'],
  ['suggestions', '修订'],
  ['units', '分工'],
  ['targets', '目标'],
  ['info', '文档信息'],
  ['history', '历史'],
];

const SAVE_LABELS = { saved: '已保存', dirty: '未保存', saving: '保存中…', error: '保存失败', conflict: '保存冲突' } as const;

interface Props {
  record: PlanRecord;
  onBack(): void;
  onReload(): void;
}

export function EditorScreen({ record, onBack, onReload }: Props) {
  const toast = useToast();
  const [meta, setMeta] = useState<PlanMeta>(record.doc.meta);
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const [numbering, setNumbering] = useState<NumberingSettings>(record.doc.numbering);
  const numberingRef = useRef(numbering);
  numberingRef.current = numbering;
  const [tab, setTab] = useState<SideTab>('checks');
  const [outlineOpen, setOutlineOpen] = useState(true);
  const [sideOpen, setSideOpen] = useState(true);
  const [unitsFor, setUnitsFor] = useState<{ pos: number } | null>(null);
  const [find, setFind] = useState<null | { replace: boolean }>(null);
  const [savePointOpen, setSavePointOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [round, setRound] = useState<PlanStatus>(record.status);
  const [suggesting, setSuggesting] = useState(false);
  const [threads, setThreads] = useState<ReviewThreadRecord[]>([]);
  const [commenting, setCommenting] = useState<{ from: number; to: number; quote: string } | null>(null);
  const reviewer = useReviewer();

  useEffect(() => {
    invoke('review.threads.list', { planId: record.id })
      .then(setThreads)
      .catch(() => undefined);
  }, [record.id]);
  const [viewing, setViewing] = useState<VersionSummary | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [draft, setDraft] = useState<LocalDraft | null>(() => {
    const d = readLocalDraft(record.id);
    return d && d.revision === record.revision ? d : null;
  });
  const initialBlocks = useMemo(() => bodyToBlocks(record.doc.body), [record]);
  const importWarnings = useMemo(() => ({ body: record.doc.body, warnings: record.doc.warnings }), [record]);
  const [dismissed, setDismissed] = useState<string[]>(record.doc.dismissedChecks ?? []);
  const dismissedRef = useRef(dismissed);
  dismissedRef.current = dismissed;
  const editorRef = useRef<Editor | null>(null);

  const buildDoc = useCallback((): PlanDocument | null => {
    const editor = editorRef.current;
    if (!editor || editor.isDestroyed) return null;
    const blocks = editorDocToBlocks(editor.state.doc);
    return {
      ...record.doc,
      meta: metaRef.current,
      numbering: numberingRef.current,
      body: blocksToNumberedBody(blocks, numberingRef.current),
      ...(dismissedRef.current.length ? { dismissedChecks: dismissedRef.current } : {}),
    };
  }, [record]);

  const autosave = useAutosave({
    planId: record.id,
    initialRevision: record.revision,
    buildDoc,
    isComposing: () => !!editorRef.current?.view.composing,
    author: () => localStorage.getItem('plandesk.author') ?? '',
  });

  const { editor, snapshot } = usePlanEditor(initialBlocks, record.doc.numbering, autosave.markChanged);
  editorRef.current = editor;

  const run = useCallback(
    (make: (e: Editor) => ReturnType<typeof changeLevel>) => {
      if (!editor) return;
      const tr = make(editor);
      if (tr) editor.view.dispatch(tr);
      editor.view.focus();
    },
    [editor],
  );

  const currentLevel = () => {
    if (!editor) return 3;
    const at = blockAt(editor.state);
    if (at?.node.type.name === 'planTask') return at.node.attrs.level as number;
    if (at?.node.type.name === 'planHeading') return Math.min(4, (at.node.attrs.level as number) + 1);
    return 3;
  };

  // Keyboard: Ctrl+S save point, Ctrl+F find, Ctrl+H replace; menu commands from Electron.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.altKey && e.key.toLowerCase() === 'm') {
        e.preventDefault();
        window.dispatchEvent(new CustomEvent('plandesk:menu', { detail: 'comment' }));
        return;
      }
      if (!mod || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        setSavePointOpen(true);
      } else if (k === 'f') {
        e.preventDefault();
        setFind({ replace: false });
      } else if (k === 'h') {
        e.preventDefault();
        setFind({ replace: true });
      } else if (k === 'e') {
        e.preventDefault();
        setExportOpen(true);
      }
    };
    const onMenu = (e: Event) => {
      const cmd = (e as CustomEvent<string>).detail;
      if (cmd === 'save-point') setSavePointOpen(true);
      if (cmd === 'find') setFind({ replace: false });
      if (cmd === 'replace') setFind({ replace: true });
      if (cmd === 'export') setExportOpen(true);
      if (cmd === 'comment') startComment.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('plandesk:menu', onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('plandesk:menu', onMenu);
    };
  }, []);

  // Clicking a task's units parenthetical opens the units editor.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onEdit = (e: Event) => setUnitsFor({ pos: (e as CustomEvent<EditUnitsDetail>).detail.pos });
    dom.addEventListener(EDIT_UNITS_EVENT, onEdit);
    return () => dom.removeEventListener(EDIT_UNITS_EVENT, onEdit);
  }, [editor]);

  const markChanged = autosave.markChanged;

  // 批注: the selection (or the task the cursor is in), after knowing who is commenting.
  const startComment = useRef<() => void>(() => undefined);
  startComment.current = () => {
    if (!editor) return;
    const range = commentRange(editor.state);
    if (!range) {
      toast({ kind: 'info', message: '请先选中要批注的文字，或把光标放在要批注的任务中。' });
      return;
    }
    void reviewer.ensure().then((who) => {
      if (who) setCommenting(range);
    });
  };
  const addComment = async (body: string) => {
    const range = commenting;
    setCommenting(null);
    const who = reviewer.reviewer;
    if (!editor || !range || !who) return;
    try {
      const thread = await invoke('review.threads.create', { planId: record.id, threadId: crypto.randomUUID(), quote: range.quote, body, author: who.name, unit: who.unit });
      editor.view.dispatch(editor.state.tr.addMark(range.from, range.to, editor.schema.marks.comment!.create({ id: thread.id })));
      setThreads((t) => [...t, thread]);
      setSideOpen(true);
      setTab('comments');
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };
  const replyTo = useCallback(
    async (threadId: string, body: string) => {
      const who = await reviewer.ensure();
      if (!who) return;
      const t = await invoke('review.threads.reply', { threadId, body, author: who.name, unit: who.unit });
      setThreads((list) => list.map((x) => (x.id === t.id ? t : x)));
    },
    [reviewer],
  );
  // A decided suggestion leaves the plan: its opinion is kept, with the answer, for the 汇总表.
  const recordDecisions = useCallback(
    (ids: string[], accept: boolean) => {
      const doc = buildDoc();
      if (!doc) return;
      const where = locateAnnotations(doc.body);
      for (const id of ids) {
        const at = where.get(id);
        if (!at?.kind) continue;
        const KIND = { insertion: '建议增加', deletion: '建议删除', insert: '建议新增任务', delete: '建议删除任务', units: '建议修改责任单位' } as const;
        void invoke('review.opinions.set', {
          planId: record.id,
          sourceId: id,
          decision: accept ? '采纳' : '不采纳',
          reason: '',
          snapshot: { kind: 'suggestion', unit: at.unit || at.author || '', task: at.task, content: `${KIND[at.kind]}：${at.text}`, nodeId: at.nodeId ?? null },
        }).catch((err: unknown) => toast({ kind: 'error', message: errorMessage(err) }));
      }
    },
    [buildDoc, record.id, toast],
  );
  const setThreadStatus = useCallback(async (threadId: string, status: 'open' | 'resolved') => {
    const t = await invoke('review.threads.setStatus', { threadId, status });
    setThreads((list) => list.map((x) => (x.id === t.id ? t : x)));
  }, []);
  const changeMeta = useCallback(
    (next: PlanMeta) => {
      setMeta(next);
      metaRef.current = next;
      markChanged();
    },
    [markChanged],
  );
  // Stable handlers, so the memoised panels do not re-render while the drafter types.
  const jump = useCallback((i: number) => editor && jumpToBlock(editor, i), [editor]);
  const jumpTo = useCallback((t: { id?: string; index: number }) => editor && (t.id ? jumpToNodeId(editor, t.id) : jumpToBlock(editor, t.index)), [editor]);

  // Opened from a rollover flag in the 新建 summary: go to that place once.
  useEffect(() => {
    if (!editor) return;
    const key = `plandesk.jump.${record.id}`;
    const path = sessionStorage.getItem(key);
    if (!path) return;
    sessionStorage.removeItem(key);
    // By node id (issue 14); a path only for a flag without one.
    if (path.startsWith('id:')) {
      setTimeout(() => jumpToNodeId(editor, path.slice(3)), 50);
      return;
    }
    const index = blockIndexOfPath(record.doc.body, initialBlocks, path);
    if (index >= 0) setTimeout(() => jumpToBlock(editor, index), 50);
  }, [editor, record, initialBlocks]);
  const moveFromOutline = useCallback(
    (from: number, to: number) => {
      if (!editor) return;
      const [s, e] = sectionRange(editor.state.doc, from);
      const tr = moveBlocks(editor.state, s, e, to);
      if (tr) editor.view.dispatch(tr);
    },
    [editor],
  );
  const dismissCheck = useCallback(
    (id: string) => {
      const next = [...dismissedRef.current, id];
      setDismissed(next);
      dismissedRef.current = next;
      markChanged();
    },
    [markChanged],
  );
  const patchMeta = useCallback((p: Partial<PlanMeta>) => changeMeta({ ...metaRef.current, ...p }), [changeMeta]);

  const changeNumbering = (level: 2 | 3, mode: 'restart' | 'continuous') => {
    const perLevel = [...numbering.perLevel] as NumberingSettings['perLevel'];
    perLevel[level - 1] = mode;
    const next = { perLevel };
    setNumbering(next);
    numberingRef.current = next;
    editor?.commands.setNumbering(next);
    autosave.markChanged();
  };

  const renameUnit = useCallback((from: string, to: string) => {
    if (!editor) return;
    const tr = editor.state.tr;
    let n = 0;
    editor.state.doc.forEach((node, pos) => {
      if (node.type.name !== 'planTask') return;
      const lead = (node.attrs.lead as string[]).map((u) => (u === from ? to : u));
      const support = (node.attrs.support as string[]).map((u) => (u === from ? to : u));
      const unitsText = node.attrs.unitsText as string | null;
      const touched = lead.join() !== (node.attrs.lead as string[]).join() || support.join() !== (node.attrs.support as string[]).join();
      if (!touched) return;
      n++;
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, lead: [...new Set(lead)], support: [...new Set(support)], unitsText: unitsText ? unitsText.split(from).join(to) : null });
    });
    if (n) {
      editor.view.dispatch(tr);
      toast({ kind: 'info', message: `已将 ${n} 项任务中的“${from}”改为“${to}”` });
    }
  }, [editor, toast]);

  const restoreVersion = async (v: VersionSummary) => {
    if (!editor) return;
    try {
      // The current state is kept as a save point first; the swap itself is one editor step,
      // so Ctrl+Z undoes the restore too.
      await autosave.saveNow('恢复前自动保存');
      const { doc } = await invoke('versions.get', { versionId: v.id });
      const json = blocksToEditorJSON(bodyToBlocks(doc.body));
      const nodes = (json.content ?? []).map((c) => editor.state.schema.nodeFromJSON(c));
      const tr = editor.state.tr.replaceWith(0, editor.state.doc.content.size, nodes);
      editor.view.dispatch(tr);
      changeMeta(doc.meta);
      setNumbering(doc.numbering);
      numberingRef.current = doc.numbering;
      editor.commands.setNumbering(doc.numbering);
      await autosave.saveNow(`恢复到 ${formatDateTime(v.createdAt)} 的保存点`);
      setHistoryKey((k) => k + 1);
      toast({ kind: 'info', message: `已恢复到“${v.message}”（${formatDateTime(v.createdAt)}）。按 Ctrl+Z 可撤销。` });
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  const unitsTask = unitsFor && editor ? editor.state.doc.nodeAt(unitsFor.pos) : null;
  const planUnits = useMemo(() => [...new Set(snapshot.blocks.flatMap((b) => (b.type === 'task' ? [...b.lead, ...b.support] : [])))], [snapshot]);

  return (
    <div className="editor-screen">
      <header className="editor-header">
        <button type="button" onClick={onBack} title="返回资料库（Ctrl+L）">
          ← 资料库
        </button>
        <h1 id="plan-title">{meta.title || record.title}</h1>
        <label className="round-select" title="审阅轮次：进入新的轮次时自动保存一个版本">
          <span className="visually-hidden">轮次</span>
          <select
            aria-label="轮次"
            value={round}
            onChange={(e) => {
              const next = e.target.value as PlanStatus;
              void autosave.saveNow(`进入${STATUS_LABELS[next]}`, next).then((ok) => {
                if (ok) {
                  setRound(next);
                  setHistoryKey((k) => k + 1);
                  toast({ kind: 'info', message: `已进入“${STATUS_LABELS[next]}”，并保存了一个版本。` });
                }
              });
            }}
          >
            {(Object.keys(STATUS_LABELS) as PlanStatus[]).map((st) => (
              <option key={st} value={st}>
                {STATUS_LABELS[st]}
              </option>
            ))}
          </select>
        </label>
        <span className={`save-state save-${autosave.status}`} role="status" aria-label="保存状态" title={autosave.message ?? ''}>
          {SAVE_LABELS[autosave.status]}
        </span>
      </header>
      {autosave.status === 'conflict' && (
        <div className="banner banner-error" role="alert">
          {autosave.message}{' '}
          <button type="button" onClick={onReload}>
            重新打开
          </button>
        </div>
      )}
      {autosave.status === 'error' && (
        <div className="banner banner-error" role="alert">
          {autosave.message}（修改仍保留在本窗口和本机草稿中，稍后会自动重试。）
        </div>
      )}
      {draft && (
        <div className="banner" role="alert">
          发现 {formatDateTime(draft.savedAt)} 未保存到资料库的修改。
          <button
            type="button"
            onClick={() => {
              if (!editor) return;
              const json = blocksToEditorJSON(bodyToBlocks(draft.doc.body));
              const nodes = (json.content ?? []).map((c) => editor.state.schema.nodeFromJSON(c));
              editor.view.dispatch(editor.state.tr.replaceWith(0, editor.state.doc.content.size, nodes));
              changeMeta(draft.doc.meta);
              setDraft(null);
            }}
          >
            恢复这些修改
          </button>
          <button
            type="button"
            onClick={() => {
              clearLocalDraft(record.id);
              setDraft(null);
            }}
          >
            丢弃
          </button>
        </div>
      )}
      <div className="toolbar" role="toolbar" aria-label="编辑工具">
        <button type="button" onClick={() => setOutlineOpen((o) => !o)} aria-pressed={outlineOpen} title="显示/隐藏提纲">
          提纲
        </button>
        <span className="sep" />
        <button type="button" title="插入一级标题 一、" onClick={() => run((e) => insertBlockAfter(e.state, 'heading', 1))}>
          一、标题
        </button>
        <button type="button" title="插入二级标题 （一）" onClick={() => run((e) => insertBlockAfter(e.state, 'heading', 2))}>
          （一）标题
        </button>
        <button type="button" title="插入任务（Ctrl+Alt+T）" onClick={() => run((e) => insertBlockAfter(e.state, 'task', currentLevel()))}>
          新任务
        </button>
        <span className="sep" />
        <button type="button" title="升一级（Shift+Tab）" aria-label="升级" onClick={() => run((e) => changeLevel(e.state, -1))}>
          ⇤ 升级
        </button>
        <button type="button" title="降一级（Tab）" aria-label="降级" onClick={() => run((e) => changeLevel(e.state, 1))}>
          降级 ⇥
        </button>
        <button type="button" title="连同下级上移（Alt+↑）" aria-label="上移" onClick={() => run((e) => moveSection(e.state, -1))}>
          ↑ 上移
        </button>
        <button type="button" title="连同下级下移（Alt+↓）" aria-label="下移" onClick={() => run((e) => moveSection(e.state, 1))}>
          ↓ 下移
        </button>
        <span className="sep" />
        <button type="button" title="撤销（Ctrl+Z）" aria-label="撤销" onClick={() => editor?.chain().focus().undo().run()}>
          ↶
        </button>
        <button type="button" title="重做（Ctrl+Y）" aria-label="重做" onClick={() => editor?.chain().focus().redo().run()}>
          ↷
        </button>
        <button type="button" title="给选中的文字加批注（Ctrl+Alt+M）" onClick={() => startComment.current()}>
          批注
        </button>
        <button
          type="button"
          aria-pressed={suggesting}
          className={suggesting ? 'suggesting-on' : ''}
          title="修订模式：输入和删除记为修订建议，由起草人接受或拒绝"
          onClick={() => {
            if (!editor) return;
            if (suggesting) {
              editor.commands.setSuggesting(false, null);
              setSuggesting(false);
              return;
            }
            void reviewer.ensure().then((who) => {
              if (!who) return;
              editor.commands.setSuggesting(true, who);
              setSuggesting(true);
              editor.view.focus();
            });
          }}
        >
          修订
        </button>
        {suggesting && (
          <button
            type="button"
            title="建议删除光标所在的任务"
            onClick={() => {
              const who = reviewer.reviewer;
              const at = editor ? blockAt(editor.state) : null;
              if (!editor || !who || !at) return;
              const tr = suggestNodeChange(editor.state, at.pos, who, { type: 'delete' });
              if (tr) editor.view.dispatch(tr);
            }}
          >
            建议删除
          </button>
        )}
        <button type="button" title="查找（Ctrl+F）/ 替换（Ctrl+H）" onClick={() => setFind({ replace: false })}>
          查找
        </button>
        <button type="button" title="保存版本（Ctrl+S）" onClick={() => setSavePointOpen(true)}>
          保存版本
        </button>
        <button type="button" title="把这份计划保存为本单位的模板" onClick={() => setTemplateOpen(true)}>
          另存为模板
        </button>
        <span className="sep" />
        <label className="numbering-setting" title="（一）的编号方式">
          （一）
          <select aria-label="二级编号方式" value={numbering.perLevel[1]} onChange={(e) => changeNumbering(2, e.target.value as 'restart' | 'continuous')}>
            <option value="restart">每节重排</option>
            <option value="continuous">全文连续</option>
          </select>
        </label>
        <label className="numbering-setting" title="1. 的编号方式">
          1.
          <select aria-label="三级编号方式" value={numbering.perLevel[2]} onChange={(e) => changeNumbering(3, e.target.value as 'restart' | 'continuous')}>
            <option value="restart">每节重排</option>
            <option value="continuous">全文连续</option>
          </select>
        </label>
        <span className="spacer" />
        <button type="button" title="征求意见汇总表：全部批注和修订及处理情况" onClick={() => void autosave.saveNow().then(() => (location.hash = `#/plan/${record.id}/opinions`))}>
          意见汇总
        </button>
        <button
          type="button"
          title="对照上级文件、与往年对比"
          onClick={() => void autosave.saveNow().then(() => (location.hash = `#/plan/${record.id}/coverage`))}
        >
          对照
        </button>
        <button type="button" className="primary" title="导出公文格式 DOCX（Ctrl+E）" onClick={() => setExportOpen(true)}>
          导出
        </button>
        <button type="button" onClick={() => setSideOpen((o) => !o)} aria-pressed={sideOpen} title="显示/隐藏右侧面板">
          面板
        </button>
      </div>
      {find && editor && <FindBar editor={editor} replace={find.replace} onClose={() => setFind(null)} />}
      <div className={`editor-body${outlineOpen ? '' : ' no-outline'}${sideOpen ? '' : ' no-side'}`}>
        {outlineOpen && (
          <OutlinePanel outline={snapshot.outline} onJump={jump} onMove={moveFromOutline} />
        )}
        <div className="page-scroll">{editor && <EditorContent editor={editor} />}</div>
        {editor && <SlashMenu editor={editor} />}
        {sideOpen && (
          <aside className="side-panel" aria-label="侧栏">
            <div className="tabs" role="tablist">
              {TABS.map(([key, label]) => (
                <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'active' : ''} onClick={() => setTab(key)}>
                  {label}
                </button>
              ))}
            </div>
            <div className="tab-body" role="tabpanel">
              {tab === 'checks' && editor && (
                <ChecksPanel
                  editor={editor}
                  blocks={snapshot.blocks}
                  meta={meta}
                  numbering={numbering}
                  importWarnings={importWarnings}
                  flags={record.doc.flags}
                  dismissed={dismissed}
                  onDismiss={dismissCheck}
                  onMetaPatch={patchMeta}
                />
              )}
              {tab === 'comments' && editor && (
                <CommentsPanel editor={editor} threads={threads} docVersion={snapshot.version} onReply={replyTo} onStatus={setThreadStatus} />
              )}
              {tab === 'suggestions' && editor && <SuggestionsPanel editor={editor} docVersion={snapshot.version} onDecide={recordDecisions} />}
              {tab === 'units' && <UnitsPanel blocks={snapshot.blocks} outline={snapshot.outline} onJump={jumpTo} onRename={renameUnit} />}
              {tab === 'targets' && <TargetsPanel blocks={snapshot.blocks} outline={snapshot.outline} onJump={jumpTo} />}
              {tab === 'info' && <InfoPanel meta={meta} onChange={changeMeta} />}
              {tab === 'history' && <HistoryPanel planId={record.id} refreshKey={historyKey} onView={setViewing} onRestore={(v) => void restoreVersion(v)} />}
            </div>
          </aside>
        )}
      </div>
      {unitsTask && unitsFor && editor && (
        <UnitsDialog
          taskLabel={outlineEntries(editor.state).find((e) => e.pos === unitsFor.pos)?.label ?? ''}
          lead={unitsTask.attrs.lead as string[]}
          support={unitsTask.attrs.support as string[]}
          planUnits={planUnits}
          onCancel={() => setUnitsFor(null)}
          onSave={(lead, support) => {
            const node = editor.state.doc.nodeAt(unitsFor.pos);
            const who = reviewer.reviewer;
            if (node?.type.name === 'planTask') {
              const tr =
                isSuggesting(editor.state).enabled && who
                  ? suggestNodeChange(editor.state, unitsFor.pos, who, { type: 'units', lead, support })
                  : editor.state.tr.setNodeMarkup(unitsFor.pos, undefined, { ...node.attrs, lead, support, unitsText: null });
              if (tr) editor.view.dispatch(tr);
            }
            setUnitsFor(null);
            editor.view.focus();
          }}
        />
      )}
      {savePointOpen && (
        <SavePointDialog
          onCancel={() => setSavePointOpen(false)}
          onSave={async (name) => {
            setSavePointOpen(false);
            const ok = await autosave.saveNow(name);
            if (ok) {
              setHistoryKey((k) => k + 1);
              toast({ kind: 'info', message: `已保存版本“${name}”` });
            }
          }}
        />
      )}
      {reviewer.dialog}
      {commenting && <CommentDialog quote={commenting.quote} onCancel={() => setCommenting(null)} onSave={(b) => void addComment(b)} />}
      {templateOpen && (
        <SavePointDialog
          title="另存为模板"
          label="模板名称"
          initial={`${meta.title.replace(/\d{4}年/, '')}（模板）`}
          onCancel={() => setTemplateOpen(false)}
          onSave={async (name) => {
            setTemplateOpen(false);
            try {
              await autosave.saveNow();
              await invoke('templates.saveAs', { planId: record.id, name });
              toast({ kind: 'info', message: `已另存为模板“${name}”。新建计划时可“从模板新建”。` });
            } catch (err) {
              toast({ kind: 'error', message: errorMessage(err) });
            }
          }}
        />
      )}
      {exportOpen && (
        <ExportDialog
          planId={record.id}
          flush={() => autosave.saveNow()}
          onClose={() => setExportOpen(false)}
          onOpenInfo={() => {
            setExportOpen(false);
            setSideOpen(true);
            setTab('info');
          }}
        />
      )}
      {viewing && <VersionViewer version={viewing} onClose={() => setViewing(null)} onRestore={() => void restoreVersion(viewing).then(() => setViewing(null))} />}
    </div>
  );
}

export type { FlatBlock };
