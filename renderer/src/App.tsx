import { useEffect, useState } from 'react';
import { transport } from './api/client';
import { LibraryScreen } from './screens/LibraryScreen';
import { PlanScreen } from './screens/PlanScreen';
import { CoverageScreen } from './compare/CoverageScreen';

type Route = { screen: 'library' } | { screen: 'plan'; id: string } | { screen: 'coverage'; id: string };

function routeFromHash(): Route {
  const m = /^#\/plan\/([\w-]+)(\/coverage)?$/.exec(location.hash);
  if (!m) return { screen: 'library' };
  return m[2] ? { screen: 'coverage', id: m[1]! } : { screen: 'plan', id: m[1]! };
}

export function App() {
  const [route, setRoute] = useState<Route>(routeFromHash);

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
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
        <p role="alert">
          这个地址缺少访问令牌。请使用启动 PlanDesk 时命令行窗口中显示的完整地址（以 #token= 结尾）打开。
        </p>
      </main>
    );
  }

  if (route.screen === 'coverage') return <CoverageScreen draftId={route.id} onBack={() => (location.hash = `#/plan/${route.id}`)} />;
  return route.screen === 'library' ? (
    <LibraryScreen onOpen={(id) => (location.hash = `#/plan/${id}`)} />
  ) : (
    <PlanScreen key={route.id} id={route.id} onBack={() => (location.hash = '')} />
  );
}
