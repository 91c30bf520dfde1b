// The plan editor screen: header, toolbar, outline (left), the document page, side panels
// (right) and the dialogs. Composed from hooks that each own one group of state
// (usePlanFields, useSidePanel, useReview, useVersions, useUnitsEditing, useEditorShortcuts).
import { EditorContent, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PlanRecord } from '../../../shared/contract';
import { bodyToBlocks, type FlatBlock } from '../../../shared/plan/flat';
import { blockIndexOfPath } from '../../../shared/plan/paths';
import { errorMessage, invoke } from '../api/client';
import { useToast } from '../components/Toasts';
import { jumpToBlock, jumpToNodeId } from './jump';
import { usePlanEditor } from './usePlanEditor';
import { useAutosave, WithSaveStatus } from './useAutosave';
import { moveBlocks, sectionRange } from './structure';
import { OutlinePanel } from './panels/OutlinePanel';
import { OutlineResizer } from './OutlineResizer';
import { UnitsDialog } from './UnitsDialog';
import { SlashMenu } from './SlashMenu';
import { FindBar } from './FindBar';
import { SavePointDialog } from './SavePointDialog';
import { VersionViewer } from './VersionViewer';
import { ExportDialog } from './ExportDialog';
import { CommentDialog } from '../review/CommentDialog';
import { EditorBanners, EditorHeader } from './EditorHeader';
import { EditorToolbar } from './EditorToolbar';
import { PageHead } from './PageHead';
import { SidePanelHost } from './SidePanelHost';
import { replaceBody } from './replace-body';
import { useEditorShortcuts } from './useEditorShortcuts';
import { usePlanFields } from './usePlanFields';
import { useReview } from './useReview';
import { useSidePanel } from './useSidePanel';
import { useUnitsEditing } from './useUnitsEditing';
import { useVersions } from './useVersions';

interface Props {
  record: PlanRecord;
  onBack(): void;
  onReload(): void;
}

export function EditorScreen({ record, onBack, onReload }: Props) {
  const toast = useToast();
  const editorRef = useRef<Editor | null>(null);
  const fields = usePlanFields(record, editorRef);
  const { meta, numbering, changeMeta, patchMeta } = fields;
  const setTitle = useCallback((title: string) => patchMeta({ title }), [patchMeta]);
  const panel = useSidePanel();
  const [find, setFind] = useState<null | { replace: boolean }>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const initialBlocks = useMemo(() => bodyToBlocks(record.doc.body), [record]);
  const importWarnings = useMemo(() => ({ body: record.doc.body, meta: record.doc.meta, warnings: fields.warnings }), [record, fields.warnings]);

  const autosave = useAutosave({
    planId: record.id,
    initialRevision: record.revision,
    buildDoc: fields.buildDoc,
    isComposing: () => !!editorRef.current?.view.composing,
    author: () => localStorage.getItem('plandesk.author') ?? '',
  });
  fields.changed.current = autosave.markChanged;

  const { editor, snapshot } = usePlanEditor(initialBlocks, record.doc.numbering, autosave.markChanged);
  editorRef.current = editor;

  const { showTab } = panel;
  const showComments = useCallback(() => showTab('comments'), [showTab]);
  const review = useReview({ planId: record.id, editor, buildDoc: fields.buildDoc, showComments });
  const versions = useVersions({ editor, initialRound: record.status, saveNow: autosave.saveNow, changeMeta, applyNumbering: fields.applyNumbering });
  const units = useUnitsEditing(editor, snapshot.blocks, () => review.reviewer.reviewer);

  useEditorShortcuts({
    savePoint: () => versions.setSavePointOpen(true),
    find: (replace) => setFind({ replace }),
    exportPlan: () => setExportOpen(true),
    comment: review.startComment,
  });

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

  const saveThenGo = (screen: 'opinions' | 'coverage') => void autosave.saveNow().then(() => (location.hash = `#/plan/${record.id}/${screen}`));
  const saveAsTemplate = async (name: string) => {
    setTemplateOpen(false);
    try {
      await autosave.saveNow();
      await invoke('templates.saveAs', { planId: record.id, name });
      toast({ kind: 'info', message: `已另存为模板“${name}”。新建计划时可“从模板新建”。` });
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  const viewing = versions.viewing;
  return (
    <div className="editor-screen">
      <WithSaveStatus store={autosave.statusStore}>
        {(status) => (
          <>
            <EditorHeader
              title={meta.title || record.title}
              round={versions.round}
              saveStatus={status}
              saveMessage={autosave.message}
              onBack={onBack}
              onRound={versions.changeRound}
            />
            <EditorBanners
              planId={record.id}
              revision={record.revision}
              saveStatus={status}
              saveMessage={autosave.message}
              onReload={onReload}
              onRestoreDraft={(doc) => {
                if (!editor) return false;
                replaceBody(editor, doc.body);
                changeMeta(doc.meta);
                return true;
              }}
            />
          </>
        )}
      </WithSaveStatus>
      <EditorToolbar
        editor={editor}
        numbering={numbering}
        outlineOpen={panel.outlineOpen}
        sideOpen={panel.sideOpen}
        suggesting={review.suggesting}
        onToggleOutline={panel.toggleOutline}
        onToggleSide={panel.toggleSide}
        onComment={review.startComment}
        onToggleSuggesting={review.toggleSuggesting}
        onSuggestDelete={review.suggestDeleteTask}
        onFind={() => setFind({ replace: false })}
        onSavePoint={() => versions.setSavePointOpen(true)}
        onSaveTemplate={() => setTemplateOpen(true)}
        onNumbering={fields.changeNumbering}
        onOpinions={() => saveThenGo('opinions')}
        onCoverage={() => saveThenGo('coverage')}
        onExport={() => setExportOpen(true)}
      />
      {find && editor && <FindBar editor={editor} replace={find.replace} onClose={() => setFind(null)} />}
      <div
        className={`editor-body${panel.outlineOpen ? '' : ' no-outline'}${panel.sideOpen ? '' : ' no-side'}`}
        style={{ '--outline-width': `${panel.outlineWidth}px` } as CSSProperties}
      >
        {panel.outlineOpen && <OutlinePanel outline={snapshot.outline} onJump={jump} onMove={moveFromOutline} />}
        {panel.outlineOpen && <OutlineResizer width={panel.outlineWidth} onResize={panel.resizeOutline} />}
        <div className="page-scroll">
          <div className="page-sheet">
            <PageHead title={meta.title} docNumber={meta.docNumber} onTitle={setTitle} />
            {editor && <EditorContent editor={editor} />}
          </div>
        </div>
        {editor && <SlashMenu editor={editor} />}
        {panel.sideOpen && (
          <SidePanelHost
            tab={panel.tab}
            onTab={panel.setTab}
            editor={editor}
            snapshot={snapshot}
            planId={record.id}
            meta={meta}
            numbering={numbering}
            importWarnings={importWarnings}
            flags={record.doc.flags}
            dismissed={fields.dismissed}
            onDismiss={fields.dismissCheck}
            onMetaPatch={fields.patchMeta}
            onMetaChange={changeMeta}
            threads={review.threads}
            onReply={review.replyTo}
            onThreadStatus={review.setThreadStatus}
            onDecide={review.recordDecisions}
            onJump={jumpTo}
            onRenameUnit={units.renameUnit}
            historyKey={versions.historyKey}
            onViewVersion={versions.setViewing}
            onRestoreVersion={(v) => void versions.restoreVersion(v)}
          />
        )}
      </div>
      {units.dialog && (
        <UnitsDialog
          taskLabel={units.dialog.taskLabel}
          lead={units.dialog.lead}
          support={units.dialog.support}
          planUnits={units.planUnits}
          onCancel={units.cancel}
          onSave={units.save}
        />
      )}
      {versions.savePointOpen && <SavePointDialog onCancel={() => versions.setSavePointOpen(false)} onSave={versions.savePoint} />}
      {review.reviewer.dialog}
      {review.commenting && <CommentDialog quote={review.commenting.quote} onCancel={review.cancelComment} onSave={(b) => void review.addComment(b)} />}
      {templateOpen && (
        <SavePointDialog
          title="另存为模板"
          label="模板名称"
          initial={`${meta.title.replace(/\d{4}年/, '')}（模板）`}
          onCancel={() => setTemplateOpen(false)}
          onSave={saveAsTemplate}
        />
      )}
      {exportOpen && (
        <ExportDialog
          planId={record.id}
          flush={() => autosave.saveNow()}
          onClose={() => setExportOpen(false)}
          onOpenInfo={() => {
            setExportOpen(false);
            showTab('info');
          }}
        />
      )}
      {viewing && (
        <VersionViewer
          version={viewing}
          onClose={() => versions.setViewing(null)}
          onRestore={() => void versions.restoreVersion(viewing).then(() => versions.setViewing(null))}
        />
      )}
    </div>
  );
}

export type { FlatBlock };
