// The editor's toolbar (编辑工具): structure commands, undo/redo, review, find, versions,
// numbering settings (NumberingMenu), the other screens, export and the panel toggles.
import type { Editor } from '@tiptap/react';
import type { NumberingMode, NumberingSettings } from '../../../shared/plan/schema';
import { blockAt, changeLevel, insertBlockAfter, moveSection } from './structure';
import { NumberingMenu } from './NumberingMenu';

interface Props {
  editor: Editor | null;
  numbering: NumberingSettings;
  outlineOpen: boolean;
  sideOpen: boolean;
  suggesting: boolean;
  onToggleOutline(): void;
  onToggleSide(): void;
  onComment(): void;
  onToggleSuggesting(): void;
  onSuggestDelete(): void;
  onFind(): void;
  onSavePoint(): void;
  onSaveTemplate(): void;
  onNumbering(level: 2 | 3, mode: NumberingMode): void;
  onOpinions(): void;
  onCoverage(): void;
  onExport(): void;
}

export function EditorToolbar(p: Props) {
  const { editor } = p;
  const run = (make: (e: Editor) => ReturnType<typeof changeLevel>) => {
    if (!editor) return;
    const tr = make(editor);
    if (tr) editor.view.dispatch(tr);
    editor.view.focus();
  };
  // A new task goes one level under the heading the cursor is in, or beside the task.
  const currentLevel = () => {
    if (!editor) return 3;
    const at = blockAt(editor.state);
    if (at?.node.type.name === 'planTask') return at.node.attrs.level as number;
    if (at?.node.type.name === 'planHeading') return Math.min(4, (at.node.attrs.level as number) + 1);
    return 3;
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="编辑工具">
      <button type="button" onClick={p.onToggleOutline} aria-pressed={p.outlineOpen} title="显示/隐藏提纲">
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
      <button type="button" title="给选中的文字加批注（Ctrl+Alt+M）" onClick={p.onComment}>
        批注
      </button>
      <button
        type="button"
        aria-pressed={p.suggesting}
        className={p.suggesting ? 'suggesting-on' : ''}
        title="修订模式：输入和删除记为修订建议，由起草人接受或拒绝"
        onClick={p.onToggleSuggesting}
      >
        修订
      </button>
      {p.suggesting && (
        <button type="button" title="建议删除光标所在的任务" onClick={p.onSuggestDelete}>
          建议删除
        </button>
      )}
      <button type="button" title="查找（Ctrl+F）/ 替换（Ctrl+H）" onClick={p.onFind}>
        查找
      </button>
      <button type="button" title="保存版本（Ctrl+S）" onClick={p.onSavePoint}>
        保存版本
      </button>
      <button type="button" title="把这份计划保存为本单位的模板" onClick={p.onSaveTemplate}>
        另存为模板
      </button>
      <span className="sep" />
      <NumberingMenu numbering={p.numbering} onNumbering={p.onNumbering} />
      <span className="spacer" />
      <button type="button" title="征求意见汇总表：全部批注和修订及处理情况" onClick={p.onOpinions}>
        意见汇总
      </button>
      <button type="button" title="对照上级文件、与往年对比" onClick={p.onCoverage}>
        对照
      </button>
      <button type="button" className="primary" title="导出公文格式 DOCX（Ctrl+E）" onClick={p.onExport}>
        导出
      </button>
      <button type="button" onClick={p.onToggleSide} aria-pressed={p.sideOpen} title="显示/隐藏右侧面板">
        面板
      </button>
    </div>
  );
}
