// A plan open in team mode: the provider connects to the team server and syncs the plan's Y.Doc;
// then the plan editor is made, bound to the shared document (collaboration.ts) instead of the
// single-user load and autosave. 只读 accounts get a read-only editor; 审阅 accounts edit in
// 修订 mode, which they cannot turn off.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { encodeTeamAuth, TEAM_BODY_FRAGMENT, TEAM_PROTOCOL } from '../../../shared/team';
import { planEditorExtensions } from '../editor/extensions';
import { isSessionEnd, onTeamError, teamPlan, teamSocketUrl, watchSessionEnd, type TeamPlanInfo, type TeamSession } from './api';
import { Collaboration, colorFor } from './collaboration';

interface Props {
  session: TeamSession;
  planId: string;
  onBack(): void;
  onLoggedOut(message?: string): void;
}

interface Connected {
  plan: TeamPlanInfo;
  provider: HocuspocusProvider;
  doc: Y.Doc;
}

export function TeamEditor({ session, planId, onBack, onLoggedOut }: Props) {
  const [connected, setConnected] = useState<Connected | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    let provider: HocuspocusProvider | null = null;
    const failed = onTeamError(onLoggedOut, setError);
    teamPlan(session, planId)
      .then((plan) => {
        if (!live) return;
        const doc = new Y.Doc();
        const p = new HocuspocusProvider({
          url: teamSocketUrl(),
          name: planId,
          document: doc,
          token: encodeTeamAuth({ token: session.token, protocol: TEAM_PROTOCOL }),
          onAuthenticationFailed: ({ reason }) => live && (isSessionEnd(reason) ? onLoggedOut(reason) : setError(reason)),
        });
        provider = p;
        watchSessionEnd(p, (message) => live && onLoggedOut(message));
        p.setAwarenessField('user', { name: session.account.name, color: colorFor(session.account.name) });
        // The editor is made on the synced document: it never starts from an empty one of its own.
        p.on('synced', () => {
          if (live) setConnected((c) => c ?? { plan, provider: p, doc });
        });
      })
      .catch((err: unknown) => live && failed(err));
    return () => {
      live = false;
      provider?.destroy();
    };
  }, [session, planId, onLoggedOut]);

  if (error)
    return (
      <main className="library">
        <p role="alert">{error}</p>
        <button type="button" onClick={onBack}>
          返回计划列表
        </button>
      </main>
    );
  if (!connected) return <main className="library muted">正在连接团队服务器…</main>;
  return <SharedEditor session={session} connected={connected} onBack={onBack} />;
}

function SharedEditor({ session, connected, onBack }: { session: TeamSession; connected: Connected; onBack(): void }) {
  const { plan, provider, doc } = connected;
  const { role, name, unit } = session.account;
  const editable = role !== '只读';
  const [status, setStatus] = useState<'connected' | 'offline'>('connected');
  const [others, setOthers] = useState<string[]>([]);

  const editor = useEditor(
    {
      extensions: [
        ...planEditorExtensions(plan.numbering, { editable, team: true }),
        Collaboration.configure({ fragment: doc.getXmlFragment(TEAM_BODY_FRAGMENT), awareness: provider.awareness }),
      ],
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      enableCoreExtensions: { delete: false },
      editorProps: { attributes: { class: 'plan-page', 'aria-label': '计划正文', spellcheck: 'false' } },
      onBeforeCreate: ({ editor: e }) => {
        e.createNodeViews = () => undefined;
      },
    },
    [provider],
  );

  // A reviewer's edits are suggestions (修订), always.
  useEffect(() => {
    if (editor && role === '审阅') editor.commands.setSuggesting(true, { name, unit });
  }, [editor, role, name, unit]);

  useEffect(() => {
    const onStatus = ({ status: s }: { status: string }) => setStatus(s === 'connected' ? 'connected' : 'offline');
    const onAwareness = () => {
      const names: string[] = [];
      provider.awareness?.getStates().forEach((state, client) => {
        const user = (state as { user?: { name?: string } }).user;
        if (client !== doc.clientID && user?.name) names.push(user.name);
      });
      setOthers([...new Set(names)]);
    };
    provider.on('status', onStatus);
    provider.awareness?.on('change', onAwareness);
    onAwareness();
    return () => {
      provider.off('status', onStatus);
      provider.awareness?.off('change', onAwareness);
    };
  }, [provider, doc]);

  return (
    <div className="editor-screen team-editor">
      <header className="team-header">
        <button type="button" onClick={onBack}>
          返回
        </button>
        <h1>{plan.title}</h1>
        <span className="muted" data-testid="team-role">
          {name}（{role === '只读' ? '只读' : role === '审阅' ? '审阅：修改将作为修订建议' : '起草'}）
        </span>
        <span className="muted" role="status" data-testid="team-connection">
          {status === 'connected' ? '已连接' : '连接中断，修改会在重新连接后合并'}
        </span>
        {others.length > 0 && <span className="muted">正在编辑：{others.join('、')}</span>}
      </header>
      <div className="page-scroll">
        <div className="page-sheet">{editor && <EditorContent editor={editor} />}</div>
      </div>
    </div>
  );
}
