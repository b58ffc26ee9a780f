// Playback controls under the globe: jump to start, step, play/pause, speed presets, the timeline scrubber
// and view toggles. The scrubber and the elapsed label are written from the clock's tick, not React state.
import { useEffect, useRef } from 'react';
import { SPEED_PRESETS, useUi, useUiStore } from '../store.ts';
import { Icon } from './Icon.tsx';
import { formatElapsed, formatSpeed, formatUtcSecond } from './format.ts';
import { useServices, useShowing, useShown } from './services.ts';

/** How often the scrubber follows the clock, ms of wall time. */
const SCRUBBER_PERIOD_MS = 100;

export function PlaybackBar() {
  const store = useUiStore();
  const { clock } = useServices();
  const playing = useUi(store, (s) => s.playing);
  const speed = useUi(store, (s) => s.speed);
  const view = useUi(store, (s) => s.view);
  const footprints = useUi(store, (s) => s.showFootprints);
  const isls = useUi(store, (s) => s.showIsls);
  const hasRun = useShowing();
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button
        type="button"
        data-testid="jump-start"
        aria-label="Jump to start (Home)"
        title="Jump to start (Home)"
        disabled={!hasRun}
        onClick={() => clock.jumpToStart()}
      >
        <Icon name="start" />
      </button>
      <button
        type="button"
        data-testid="step-back"
        aria-label="Step back (←)"
        title="Step back (←, Shift: ×10)"
        disabled={!hasRun}
        onClick={() => clock.step(-1)}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="play"
        data-testid="play-pause"
        aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
        aria-pressed={playing}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        disabled={!hasRun}
        onClick={() => clock.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        data-testid="step-forward"
        aria-label="Step forward (→)"
        title="Step forward (→, Shift: ×10)"
        disabled={!hasRun}
        onClick={() => clock.step(1)}
      >
        <Icon name="forward" />
      </button>
      <label className="speed">
        <span className="sr-only">Speed</span>
        <select data-testid="speed" value={speed} title="Simulation speed (+ / −)" onChange={(e) => store.setState({ speed: Number(e.target.value) })}>
          {SPEED_PRESETS.map((p) => (
            <option key={p} value={p}>
              {formatSpeed(p)}
            </option>
          ))}
        </select>
      </label>
      <Scrubber />
      <label className="toggle" title="Minimum-elevation circles of the ground stations">
        <input type="checkbox" checked={footprints} onChange={(e) => store.setState({ showFootprints: e.target.checked })} /> Footprints
      </label>
      <label className="toggle" title="Active laser inter-satellite links (dashed blue); the selected satellite's route to the ground is drawn in magenta">
        <input type="checkbox" data-testid="show-isls" checked={isls} onChange={(e) => store.setState({ showIsls: e.target.checked })} /> Show ISLs
      </label>
      <button
        type="button"
        data-testid="table-toggle"
        aria-pressed={view === 'table'}
        title="Table of satellites and contacts (T)"
        onClick={() => store.setState({ view: view === 'table' ? 'globe' : 'table' })}
      >
        Table view
      </button>
      <button
        type="button"
        data-testid="explore-toggle"
        aria-pressed={view === 'explore'}
        title="Explore: sweeps, tornado and uncertainty of this run (E)"
        onClick={() => store.setState({ view: view === 'explore' ? 'globe' : 'explore' })}
      >
        Explore
      </button>
    </div>
  );
}

function Scrubber() {
  const { clock } = useServices();
  const shown = useShown();
  const inputRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef<HTMLSpanElement>(null);
  const dragging = useRef(false);
  const startMs = shown.kind === 'none' ? 0 : shown.startMs;
  const durationS = shown.kind === 'none' ? 0 : Math.max(0, (shown.endMs - shown.startMs) / 1000);

  useEffect(
    () =>
      clock.subscribe((t) => {
        const offsetMs = t - (shown.kind === 'none' ? 0 : shown.startMs);
        const input = inputRef.current;
        if (input && !dragging.current) input.value = String(Math.round(offsetMs / 1000));
        if (input) input.setAttribute('aria-valuetext', formatUtcSecond(t));
        if (labelRef.current) labelRef.current.textContent = shown.kind === 'none' ? '' : formatElapsed(offsetMs);
      }, SCRUBBER_PERIOD_MS),
    [clock, shown],
  );

  return (
    <div className="scrubber">
      <input
        ref={inputRef}
        type="range"
        data-testid="timeline"
        aria-label="Simulation time"
        min={0}
        max={durationS}
        step={1}
        defaultValue={0}
        disabled={shown.kind === 'none'}
        onPointerDown={() => (dragging.current = true)}
        onPointerUp={() => (dragging.current = false)}
        onBlur={() => (dragging.current = false)}
        onInput={(e) => clock.seek(startMs + Number(e.currentTarget.value) * 1000)}
      />
      <span ref={labelRef} className="elapsed muted" aria-hidden="true" />
    </div>
  );
}
