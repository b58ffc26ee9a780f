// The app shell: top bar, error banner, notice bar, the globe (or the accessible table view, or the Explore view of studies) with
// the playback bar under it, and the side panel (inspector, metrics, comparison, charts, scenario, export). Binds the
// keyboard shortcuts.
import { useEffect } from 'react';
import { bindKeyboard, runKeyAction } from './keyboard.ts';
import { useUi, useUiStore } from './store.ts';
import { Charts } from './ui/Charts.tsx';
import { CompareTable } from './ui/CompareTable.tsx';
import { ContactsPanel } from './ui/ContactsPanel.tsx';
import { ErrorBanner } from './ui/ErrorBanner.tsx';
import { ExploreView } from './ui/explore/ExploreView.tsx';
import { ExportPanel } from './ui/ExportPanel.tsx';
import { Inspector } from './ui/Inspector.tsx';
import { MetricsPanel } from './ui/MetricsPanel.tsx';
import { NoticeBar } from './ui/NoticeBar.tsx';
import { PlaybackBar } from './ui/PlaybackBar.tsx';
import { ScenarioPanel } from './ui/ScenarioPanel.tsx';
import { StateLegend } from './ui/StateIcon.tsx';
import { useServices } from './ui/services.ts';
import { TableView } from './ui/TableView.tsx';
import { TopBar } from './ui/TopBar.tsx';
import { GlobeView } from './view3d/GlobeView.tsx';

const focusSearch = () => document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus();

export function App() {
  const store = useUiStore();
  const { clock } = useServices();
  const view = useUi(store, (s) => s.view);
  useEffect(() => bindKeyboard(window, (a) => runKeyAction(a, { store, clock, focusSearch })), [store, clock]);
  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <NoticeBar />
      <main className="main">
        <div className="stage">
          <div className="globe-wrap" hidden={view !== 'globe'}>
            <GlobeView />
            <StateLegend />
          </div>
          {view === 'table' && <TableView />}
          {view === 'explore' && <ExploreView />}
          <PlaybackBar />
        </div>
        <aside className="side" aria-label="Panels">
          <Inspector />
          <MetricsPanel />
          <CompareTable />
          <ContactsPanel />
          <Charts />
          <ScenarioPanel />
          <ExportPanel />
          <p className="muted small keys">
            Keys: Space play/pause · ←/→ step (Shift ×10) · Home start · +/− speed · / search · Esc deselect · T table · E explore
          </p>
        </aside>
      </main>
    </div>
  );
}
