import { startTransition, useEffect, useState } from 'react';
import { transport } from './api/client';
import { LibraryScreen } from './screens/LibraryScreen';
import { CoverageScreen, Lazy, OpinionsScreen, PlanScreen } from './lazy';

type Route = { screen: 'library' } | { screen: 'plan'; id: string } | { screen: 'coverage'; id: string } | { screen: 'opinions'; id: string };

function routeFromHash(): Route {
  const m = /^#\/plan\/([\w-]+)(?:\/(coverage|opinions))?$/.exec(location.hash);
  if (!m) return { screen: 'library' };
  if (m[2] === 'coverage') return { screen: 'coverage', id: m[1]! };
  if (m[2] === 'opinions') return { screen: 'opinions', id: m[1]! };
  return { screen: 'plan', id: m[1]! };
}

export function App() {
  const [route, setRoute] = useState<Route>(routeFromHash);

  useEffect(() => {
    // A transition: while a screen's code loads, the current screen stays (no fallback flash,
    // and no held-back reveal after one); a direct start on a plan's address shows 正在打开….
    const onHash = () => startTransition(() => setRoute(routeFromHash()));
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'library') location.hash = '';
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('plandesk:menu', onMenu);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('plandesk:menu', onMenu);
    };
  }, []);

  if (transport.tokenMissing) {
    return (
      <main className="library">
        <h1>无法连接</h1>
        <p role="alert">这个地址缺少访问令牌。请使用启动 PlanDesk 时命令行窗口中显示的完整地址（以 #token= 结尾）打开。</p>
      </main>
    );
  }

  const screen =
    route.screen === 'library' ? (
      <LibraryScreen onOpen={(id) => (location.hash = `#/plan/${id}`)} />
    ) : route.screen === 'opinions' ? (
      <OpinionsScreen planId={route.id} onBack={() => (location.hash = `#/plan/${route.id}`)} />
    ) : route.screen === 'coverage' ? (
      <CoverageScreen draftId={route.id} onBack={() => (location.hash = `#/plan/${route.id}`)} />
    ) : (
      <PlanScreen key={route.id} id={route.id} onBack={() => (location.hash = '')} />
    );
  return (
    <Lazy fallback={<main className="library muted">正在打开…</main>} resetKey={route.screen === 'library' ? '' : `${route.screen}/${route.id}`}>
      {screen}
    </Lazy>
  );
}
