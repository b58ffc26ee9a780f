// The top bar: title, scenario name, run status, the UTC clock (text written by the playback clock, not React),
// the mode toggle and the satellite search.
import { useUi, useUiStore } from '../store.ts';
import { ModeToggle } from './ModeToggle.tsx';
import { RunStatus } from './RunStatus.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useServices } from './services.ts';

export function TopBar() {
  const store = useUiStore();
  const { clock } = useServices();
  const name = useUi(store, (s) => s.summary?.scenarioName ?? s.scenarioDraft.name);
  const preset = useUi(store, (s) => s.presetName);
  return (
    <header className="topbar">
      <h1 className="title">Orbital Compute Simulator</h1>
      <div className="scenario-name" title="Scenario" data-testid="scenario-name">
        {name}
        {preset === 'custom' && <span className="muted small"> (edited)</span>}
      </div>
      <RunStatus />
      <div className="clock" aria-label="Simulation time (UTC)">
        <time data-testid="sim-time" ref={(el) => clock.setClockElement(el)} aria-live="off" />
        <span className="muted small"> UTC</span>
      </div>
      <span className="spacer" />
      <ModeToggle />
      <SearchBox />
    </header>
  );
}
