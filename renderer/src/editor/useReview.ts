// Review in the editor: 批注 threads (create, reply, resolve), 修订 mode (suggesting on/off,
// suggest deleting a task) and recording decided suggestions as opinions for the 汇总表.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import type { ReviewThreadRecord } from '../../../shared/contract';
import type { PlanDocument } from '../../../shared/plan/schema';
import { locateAnnotations, suggestionContent } from '../../../shared/review/opinion-rows';
import { errorMessage, invoke } from '../api/client';
import { useToast } from '../components/Toasts';
import { commentRange } from '../review/comment-anchors';
import { suggestNodeChange } from '../review/suggest-mode';
import { useReviewer } from '../review/useReviewer';
import { blockAt } from './structure';

interface Options {
  planId: string;
  editor: Editor | null;
  buildDoc(): PlanDocument | null;
  /** Show the comments tab after a comment is added. */
  showComments(): void;
}

export function useReview({ planId, editor, buildDoc, showComments }: Options) {
  const toast = useToast();
  const reviewer = useReviewer();
  const [suggesting, setSuggesting] = useState(false);
  const [threads, setThreads] = useState<ReviewThreadRecord[]>([]);
  const [commenting, setCommenting] = useState<{ from: number; to: number; quote: string } | null>(null);

  useEffect(() => {
    invoke('review.threads.list', { planId })
      .then(setThreads)
      .catch(() => undefined);
  }, [planId]);

  // 批注: the selection (or the task the cursor is in), after knowing who is commenting.
  const startComment = () => {
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
  const cancelComment = () => setCommenting(null);
  const addComment = async (body: string) => {
    const range = commenting;
    setCommenting(null);
    const who = reviewer.reviewer;
    if (!editor || !range || !who) return;
    try {
      const thread = await invoke('review.threads.create', {
        planId,
        threadId: crypto.randomUUID(),
        quote: range.quote,
        body,
        author: who.name,
        unit: who.unit,
      });
      editor.view.dispatch(editor.state.tr.addMark(range.from, range.to, editor.schema.marks.comment!.create({ id: thread.id })));
      setThreads((t) => [...t, thread]);
      showComments();
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
  const setThreadStatus = useCallback(async (threadId: string, status: 'open' | 'resolved') => {
    const t = await invoke('review.threads.setStatus', { threadId, status });
    setThreads((list) => list.map((x) => (x.id === t.id ? t : x)));
  }, []);
  // A decided suggestion leaves the plan: its opinion is kept, with the answer, for the 汇总表.
  const recordDecisions = useCallback(
    (ids: string[], accept: boolean) => {
      const doc = buildDoc();
      if (!doc) return;
      const where = locateAnnotations(doc.body);
      for (const id of ids) {
        const at = where.get(id);
        if (!at?.kind) continue;
        void invoke('review.opinions.set', {
          planId,
          sourceId: id,
          decision: accept ? '采纳' : '不采纳',
          reason: '',
          snapshot: {
            kind: 'suggestion',
            unit: at.unit || at.author || '',
            task: at.task,
            content: suggestionContent(at.kind, at.text),
            nodeId: at.nodeId ?? null,
          },
        }).catch((err: unknown) => toast({ kind: 'error', message: errorMessage(err) }));
      }
    },
    [buildDoc, planId, toast],
  );

  // 修订 mode: on only once we know who is suggesting.
  const toggleSuggesting = () => {
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
  };
  const suggestDeleteTask = () => {
    const who = reviewer.reviewer;
    const at = editor ? blockAt(editor.state) : null;
    if (!editor || !who || !at) return;
    const tr = suggestNodeChange(editor.state, at.pos, who, { type: 'delete' });
    if (tr) editor.view.dispatch(tr);
  };

  return {
    reviewer,
    threads,
    commenting,
    startComment,
    cancelComment,
    addComment,
    replyTo,
    setThreadStatus,
    recordDecisions,
    suggesting,
    toggleSuggesting,
    suggestDeleteTask,
  };
}
