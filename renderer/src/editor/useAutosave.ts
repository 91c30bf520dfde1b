// Autosave: within a second of a pause the plan is saved to the library. Changes the library
// does not have within two seconds (a save failed or is slow) go to the draft journal in the
// library (drafts.put), where every later start finds them — browser mode gets a new port and
// so a new origin at each start — and to localStorage as a second copy. A save that finds the
// plan changed elsewhere stops and says so instead of overwriting.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { PlanDocument } from '../../../shared/plan/schema';
import { AppError } from '../../../shared/errors';
import type { PlanStatus } from '../../../shared/contract';
import { invoke } from '../api/client';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

const DRAFT_PREFIX = 'plandesk.draft.';
const AUTOSAVE_DELAY_MS = 800;

export interface LocalDraft {
  revision: number;
  savedAt: string;
  doc: PlanDocument;
}

export function readLocalDraft(planId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(DRAFT_PREFIX + planId);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(planId: string): void {
  try {
    localStorage.removeItem(DRAFT_PREFIX + planId);
  } catch {
    // No storage: nothing to clear.
  }
}

/** The newest draft made on `revision`: the library's journal or this browser's copy. */
export async function findDraft(planId: string, revision: number): Promise<LocalDraft | null> {
  const local = readLocalDraft(planId);
  const fromLocal = local && local.revision === revision ? local : null;
  let fromLibrary: LocalDraft | null = null;
  try {
    const { draft } = await invoke('drafts.get', { planId });
    fromLibrary = draft && draft.revision === revision ? draft : null;
  } catch {
    // The library cannot be asked: the local copy is all there is.
  }
  if (!fromLocal) return fromLibrary;
  if (!fromLibrary) return fromLocal;
  return fromLibrary.savedAt >= fromLocal.savedAt ? fromLibrary : fromLocal;
}

/** Forgets the drafts made before `belowRevision` (after a save, or when the user discards). */
export function clearDrafts(planId: string, belowRevision: number): void {
  clearLocalDraft(planId);
  invoke('drafts.clear', { planId, belowRevision }).catch(() => undefined);
}

/**
 * The save status as a small store read with useSyncExternalStore: only the components that
 * show it re-render when it changes. As React state of the editor screen it re-rendered the
 * whole screen on the first keystroke after every save (issue 17: a slow keystroke each time).
 */
export interface SaveStatusStore {
  get(): SaveStatus;
  set(next: SaveStatus): void;
  subscribe(listener: () => void): () => void;
}

function createSaveStatusStore(): SaveStatusStore {
  let status: SaveStatus = 'saved';
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set(next) {
      if (next === status) return;
      status = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Renders `children` with the current save status; re-renders alone when it changes. */
export function WithSaveStatus({ store, children }: { store: SaveStatusStore; children(status: SaveStatus): ReactNode }): ReactNode {
  return children(useSyncExternalStore(store.subscribe, store.get));
}

export function useAutosave(opts: {
  planId: string;
  initialRevision: number;
  /** Builds the document to save from the editor and the metadata. */
  buildDoc(): PlanDocument | null;
  /** True while an IME composition is open: nothing is read or saved then. */
  isComposing(): boolean;
  author(): string;
}) {
  const statusStore = useRef<SaveStatusStore | null>(null);
  statusStore.current ??= createSaveStatusStore();
  const setStatus = useCallback((next: SaveStatus | ((s: SaveStatus) => SaveStatus)) => {
    const store = statusStore.current!;
    store.set(typeof next === 'function' ? next(store.get()) : next);
  }, []);
  const [message, setMessage] = useState<string | null>(null);
  const revision = useRef(opts.initialRevision);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const stopped = useRef(false);

  /** Journals the changes the library does not have: in the library, and in localStorage. */
  const keepDraft = useCallback(() => {
    if (optsRef.current.isComposing() || changeSeq.current === savedSeq.current) return;
    const doc = optsRef.current.buildDoc();
    if (!doc) return;
    const planId = optsRef.current.planId;
    const draft: LocalDraft = { revision: revision.current, savedAt: new Date().toISOString(), doc };
    try {
      localStorage.setItem(DRAFT_PREFIX + planId, JSON.stringify(draft));
    } catch {
      // Storage full: the library's journal and the autosave still run.
    }
    invoke('drafts.put', { planId, revision: draft.revision, doc }).catch(() => undefined);
  }, []);

  const saveNow = useCallback(async (savePoint?: string, status?: PlanStatus): Promise<boolean> => {
    if (stopped.current) return false;
    if (saving.current) await saving.current;
    if (optsRef.current.isComposing()) {
      timer.current = setTimeout(() => void saveNow(savePoint, status), 300);
      return false;
    }
    const doc = optsRef.current.buildDoc();
    if (!doc) return false;
    if (savePoint === undefined && !status && changeSeq.current === savedSeq.current) return true;
    const seq = changeSeq.current;
    setStatus('saving');
    let ok = false;
    saving.current = (async () => {
      try {
        const summary = await invoke('plans.save', {
          id: optsRef.current.planId,
          baseRevision: revision.current,
          doc,
          author: optsRef.current.author(),
          ...(savePoint !== undefined ? { savePoint } : {}),
          ...(status ? { status } : {}),
        });
        revision.current = summary.revision;
        savedSeq.current = seq;
        ok = true;
        if (changeSeq.current === seq) {
          clearDrafts(optsRef.current.planId, summary.revision);
          setStatus('saved');
        } else setStatus('dirty');
        setMessage(null);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          stopped.current = true;
          setStatus('conflict');
        } else {
          setStatus('error');
          keepDraft();
        }
        setMessage(err instanceof Error ? err.message : String(err));
      }
    })();
    await saving.current;
    saving.current = null;
    if (ok && changeSeq.current !== savedSeq.current) schedule();
    return ok;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  /** Call on every change of the document or its metadata. */
  const markChanged = useCallback(() => {
    changeSeq.current++;
    if (stopped.current) return;
    setStatus((s) => (s === 'saving' ? s : 'dirty'));
    schedule();
    // The safety copy, at most every 2 s and off the keystroke itself.
    if (!draftTimer.current) {
      draftTimer.current = setTimeout(() => {
        draftTimer.current = undefined;
        keepDraft();
      }, 2000);
    }
  }, [schedule, keepDraft, setStatus]);

  // Leaving with unsaved changes asks first (and the local copy survives either way).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (changeSeq.current !== savedSeq.current) {
        void saveNow();
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [saveNow]);

  return {
    statusStore: statusStore.current,
    message,
    markChanged,
    saveNow,
    revision,
    hasUnsaved: () => changeSeq.current !== savedSeq.current,
  };
}
