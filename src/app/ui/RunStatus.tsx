// Run status in the top bar: running (with a progress bar and phase), ready (satellites, wall time) or error.
import { useUi, useUiStore } from '../store.ts';

const PHASE_LABELS: Record<string, string> = { load: 'Loading catalogue', propagate: 'Propagating orbits', route: 'Routing over ISLs', simulate: 'Simulating' };

export function RunStatus() {
  const store = useUiStore();
  const status = useUi(store, (s) => s.status);
  const progress = useUi(store, (s) => s.progress);
  const loaded = useUi(store, (s) => s.summary?.satellites.loaded ?? null);
  const orbitView = useUi(store, (s) => s.orbitView);
  const orbitsLoading = useUi(store, (s) => s.orbitsLoading);
  if (status === 'ready' && orbitView) {
    return (
      <div className="run-status ready" role="status" aria-live="polite" data-testid="run-status" data-status={status} data-orbit-view="true">
        <span>{orbitView.satCount.toLocaleString('en-US')} satellites · orbits only</span>
        {orbitsLoading && (
          <span className="muted" data-testid="orbits-loading">
            {' '}
            · computing orbits…
          </span>
        )}
      </div>
    );
  }
  if (status === 'running') {
    const frac = progress && progress.total > 0 ? progress.done / progress.total : undefined;
    const phase = progress ? (PHASE_LABELS[progress.phase] ?? progress.phase) : 'Starting';
    return (
      <div className="run-status running" role="status" aria-live="polite" data-testid="run-status" data-status={status}>
        <span>{phase}…</span>
        <progress max={1} value={frac} aria-label="Run progress" />
        {frac !== undefined && <span className="muted">{Math.round(frac * 100)} %</span>}
      </div>
    );
  }
  const text = status === 'ready' ? `${loaded ?? 0} satellite${loaded === 1 ? '' : 's'}` : status === 'error' ? 'Run failed' : 'No run yet';
  return (
    <div className={`run-status ${status}`} role="status" aria-live="polite" data-testid="run-status" data-status={status}>
      <span>{text}</span>
    </div>
  );
}
