// Screens and dialogs loaded on demand (issue 17): the entry chunk holds what the library screen
// needs to paint; the editor (TipTap, ProseMirror), 对照, 征求意见 and the library's dialogs are
// separate chunks, fetched when first shown. The editor's chunk is fetched anyway once the
// library has painted and the page is idle, so that opening a plan does not wait for it.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code is in another chunk. Once that chunk has loaded (preloaded, or shown
 * before) it renders directly, without suspending: a Suspense fallback, even a brief one, makes
 * React hold back the content that replaces it (React 19 throttles reveals by up to 300 ms).
 */
function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): { Component: ComponentType<P>; load(): Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetch = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        pending = null; // the next attempt fetches again
        throw err;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  function Loaded(props: P) {
    const C = loaded;
    return C ? <C {...props} /> : <Lazy {...props} />;
  }
  return { Component: Loaded, load: fetch };
}

const planScreen = lazyComponent(() => import('./screens/PlanScreen').then((m) => m.PlanScreen));
const newPlanDialog = lazyComponent(() => import('./screens/NewPlanDialog').then((m) => m.NewPlanDialog));
const importDialog = lazyComponent(() => import('./screens/ImportDialog').then((m) => m.ImportDialog));

export const PlanScreen = planScreen.Component;
export const NewPlanDialog = newPlanDialog.Component;
export const ImportDialog = importDialog.Component;
export const CoverageScreen = lazyComponent(() => import('./compare/CoverageScreen').then((m) => m.CoverageScreen)).Component;
export const OpinionsScreen = lazyComponent(() => import('./review/OpinionsScreen').then((m) => m.OpinionsScreen)).Component;
export const TemplatesView = lazyComponent(() => import('./screens/TemplatesView').then((m) => m.TemplatesView)).Component;
export const SettingsDialog = lazyComponent(() => import('./screens/SettingsDialog').then((m) => m.SettingsDialog)).Component;

let preloaded = false;

/** After first paint, when the page is idle: fetch the editor and the library's dialogs. */
export function preloadAfterFirstPaint(): void {
  if (preloaded) return;
  preloaded = true;
  const idle = (cb: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 200));
  // Two frames: the first paint has happened before the fetches start.
  requestAnimationFrame(() =>
    setTimeout(() =>
      idle(() => {
        // A failure here is said when the screen is opened (LoadBoundary); nothing to do now.
        for (const c of [planScreen, newPlanDialog, importDialog]) c.load().catch(() => undefined);
      }),
    ),
  );
}

/** What a lazy screen shows while its code loads. */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <p className="muted loading" role="status">
      {label}
    </p>
  );
}

/** True for the error of an import() whose file could not be fetched or evaluated. */
export function isChunkLoadError(err: unknown): boolean {
  return err instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(err.message);
}

/**
 * A screen's code could not be loaded (a file missing from the installation, the browser-mode
 * server gone or restarted with a newer build). Any other error goes on as it would without the
 * boundary.
 */
class LoadBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  override componentDidUpdate(prev: { resetKey?: string }) {
    // Another screen: try again (its chunk may well be there).
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!isChunkLoadError(error)) throw error;
    return (
      <main className="library">
        <p className="form-error" role="alert">
          界面组件加载失败。请重新启动 PlanDesk（浏览器模式下请刷新页面）后再试。
        </p>
        <button type="button" onClick={() => location.reload()}>
          重新加载
        </button>
      </main>
    );
  }
}

/** A lazy screen or dialog with its loading state and load-failure message. */
export function Lazy({ children, fallback = <Loading />, resetKey }: { children: ReactNode; fallback?: ReactNode; resetKey?: string }) {
  return (
    <LoadBoundary resetKey={resetKey}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}
