import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isTeamPage } from './team/api';
import { ToastProvider } from './components/Toasts';
import './styles.css';

// Team mode (the page served by `plandesk serve --team`): its own screens, loaded only there.
const TeamApp = lazy(() => import('./team/TeamApp').then((m) => ({ default: m.TeamApp })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ToastProvider>
      {isTeamPage() ? (
        <Suspense fallback={<main className="library muted">正在打开…</main>}>
          <TeamApp />
        </Suspense>
      ) : (
        <App />
      )}
    </ToastProvider>
  </StrictMode>,
);
