// Screens and dialogs loaded on demand (issue 17): the entry chunk holds what the library screen
// needs to paint; the editor (TipTap, ProseMirror), 对照, 征求意见 and the library's dialogs are
// separate chunks, fetched when first shown. The editor's chunk is fetched anyway once the
// library has painted and the page is idle, so that opening a plan does not wait for it.
import { Component, lazy, Suspense, type ReactNode } from 'react';

const loadPlanScreen = () => import('./screens/PlanScreen');
const loadNewPlanDialog = () => import('./screens/NewPlanDialog');
const loadImportDialog = () => import('./screens/ImportDialog');

export const PlanScreen = lazy(() => loadPlanScreen().then((m) => ({ default: m.PlanScreen })));
export const CoverageScreen = lazy(() => import('./compare/CoverageScreen').then((m) => ({ default: m.CoverageScreen })));
export const OpinionsScreen = lazy(() => import('./review/OpinionsScreen').then((m) => ({ default: m.OpinionsScreen })));
export const NewPlanDialog = lazy(() => loadNewPlanDialog().then((m) => ({ default: m.NewPlanDialog })));
export const ImportDialog = lazy(() => loadImportDialog().then((m) => ({ default: m.ImportDialog })));
export const TemplatesView = lazy(() => import('./screens/TemplatesView').then((m) => ({ default: m.TemplatesView })));

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
        loadPlanScreen().catch(() => undefined);
        loadNewPlanDialog().catch(() => undefined);
        loadImportDialog().catch(() => undefined);
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
class LoadBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
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
export function Lazy({ children, fallback = <Loading /> }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}
