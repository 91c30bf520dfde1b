// The right-hand side panel (侧栏): its tabs and the panel of the selected tab.
import type { Editor } from '@tiptap/react';
import type { ComponentProps } from 'react';
import type { VersionSummary } from '../../../shared/contract';
import type { NumberingSettings, PlanMeta } from '../../../shared/plan/schema';
import { CommentsPanel } from '../review/CommentsPanel';
import { SuggestionsPanel } from '../review/SuggestionsPanel';
import { ChecksPanel } from './panels/ChecksPanel';
import { HistoryPanel } from './panels/HistoryPanel';
import { InfoPanel } from './panels/InfoPanel';
import { TargetsPanel } from './panels/TargetsPanel';
import { UnitsPanel } from './panels/UnitsPanel';
import { SIDE_TABS, type SideTab } from './useSidePanel';
import type { EditorSnapshot } from './usePlanEditor';

type CommentsProps = ComponentProps<typeof CommentsPanel>;
type ChecksProps = ComponentProps<typeof ChecksPanel>;

interface Props {
  tab: SideTab;
  onTab(tab: SideTab): void;
  editor: Editor | null;
  snapshot: EditorSnapshot;
  planId: string;
  meta: PlanMeta;
  numbering: NumberingSettings;
  importWarnings: ChecksProps['importWarnings'];
  flags: ChecksProps['flags'];
  dismissed: string[];
  onDismiss(id: string): void;
  onMetaPatch(p: Partial<PlanMeta>): void;
  onMetaChange(meta: PlanMeta): void;
  threads: CommentsProps['threads'];
  onReply: CommentsProps['onReply'];
  onThreadStatus: CommentsProps['onStatus'];
  onDecide: ComponentProps<typeof SuggestionsPanel>['onDecide'];
  onJump: ComponentProps<typeof UnitsPanel>['onJump'];
  onRenameUnit: ComponentProps<typeof UnitsPanel>['onRename'];
  historyKey: number;
  onViewVersion(v: VersionSummary): void;
  onRestoreVersion(v: VersionSummary): void;
}

export function SidePanelHost(p: Props) {
  const { tab, editor, snapshot } = p;
  return (
    <aside className="side-panel" aria-label="侧栏">
      <div className="tabs" role="tablist">
        {SIDE_TABS.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'active' : ''} onClick={() => p.onTab(key)}>
            {label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'checks' && editor && (
          <ChecksPanel
            editor={editor}
            blocks={snapshot.blocks}
            meta={p.meta}
            numbering={p.numbering}
            importWarnings={p.importWarnings}
            flags={p.flags}
            dismissed={p.dismissed}
            onDismiss={p.onDismiss}
            onMetaPatch={p.onMetaPatch}
          />
        )}
        {tab === 'comments' && editor && (
          <CommentsPanel editor={editor} threads={p.threads} docVersion={snapshot.version} onReply={p.onReply} onStatus={p.onThreadStatus} />
        )}
        {tab === 'suggestions' && editor && <SuggestionsPanel editor={editor} docVersion={snapshot.version} onDecide={p.onDecide} />}
        {tab === 'units' && <UnitsPanel blocks={snapshot.blocks} outline={snapshot.outline} onJump={p.onJump} onRename={p.onRenameUnit} />}
        {tab === 'targets' && <TargetsPanel blocks={snapshot.blocks} outline={snapshot.outline} onJump={p.onJump} />}
        {tab === 'info' && <InfoPanel meta={p.meta} onChange={p.onMetaChange} />}
        {tab === 'history' && <HistoryPanel planId={p.planId} refreshKey={p.historyKey} onView={p.onViewVersion} onRestore={p.onRestoreVersion} />}
      </div>
    </aside>
  );
}
