// The selected satellite: name, NORAD id, altitude, sunlit/eclipse, state, storage, compute load, battery and
// current / next contact, its downlink over the run, refreshed from the clock's slow tick (~4 Hz).
import { useEffect, useState, type ReactNode } from 'react';
import { useUi, useUiStore } from '../store.ts';
import { satGeodetic } from './sat-position.ts';
import { StateIcon } from './StateIcon.tsx';
import { formatBytes, formatDurationS, formatPercent } from '../../sim/report/format.ts';
import { formatUtcSecond } from './format.ts';
import { formatService } from '../../sim/report/summary-table.ts';
import { inspectSatellite, routeSummary, type ContactInfo, type SatInspection } from './inspector-data.ts';
import { useServices, useClockValue, useShown } from './services.ts';

/** Refresh period of the inspector, ms of wall time (~4 Hz). */
const INSPECTOR_PERIOD_MS = 250;

export function Inspector() {
  const store = useUiStore();
  const selected = useUi(store, (s) => s.selectedSat);
  const mode = useUi(store, (s) => s.mode);
  const shown = useShown();
  const run = shown.kind === 'run' ? shown.result : null;
  const startMs = shown.kind === 'run' ? shown.startMs : 0;
  const { frameBuffer } = useServices();
  const info = useClockValue(
    (fb) => (run && selected !== null ? inspectSatellite(run, fb.keyframes, selected, fb.simTimeMs, startMs, mode) : null),
    INSPECTOR_PERIOD_MS,
    [run, startMs, selected, mode],
  );
  const route = useClockValue((fb) => (run && selected !== null ? routeSummary(run, fb.route, selected) : ''), INSPECTOR_PERIOD_MS, [run, selected]);
  if (shown.kind === 'orbits') return <OrbitViewInspector selected={selected} onClose={() => store.setState({ selectedSat: null })} />;
  return (
    <InspectorSection>
      {info === null ? (
        <p className="muted">{run ? 'Click a satellite, or search by name or NORAD id ( / ).' : 'Waiting for the first run…'}</p>
      ) : (
        <Details info={info} route={route} nowMs={frameBuffer.simTimeMs} onClose={() => store.setState({ selectedSat: null })} />
      )}
    </InspectorSection>
  );
}

/** The panel's section and heading (the heading takes focus after a search pick). */
function InspectorSection({ children }: { children: ReactNode }) {
  return (
    <section className="panel-section inspector" data-testid="inspector" aria-labelledby="inspector-h" aria-live="off">
      <h2 id="inspector-h" tabIndex={-1}>
        Inspector
      </h2>
      {children}
    </section>
  );
}

/** A satellite's name with the Deselect button. */
function InspectorHead({ name, onClose, testId }: { name: string; onClose: () => void; testId?: string }) {
  return (
    <div className="inspector-head">
      <h3 data-testid={testId}>{name}</h3>
      <button type="button" className="link" onClick={onClose} aria-label="Deselect satellite (Esc)">
        Deselect
      </button>
    </div>
  );
}

function Details({ info, route, nowMs, onClose }: { info: SatInspection; route: string; nowMs: number; onClose: () => void }) {
  const lost = info.lostAtMs !== null && nowMs >= info.lostAtMs;
  return (
    <div>
      <InspectorHead name={info.name} onClose={onClose} />
      <dl className="facts">
        <dt>NORAD</dt>
        <dd data-testid="inspector-norad">{info.norad}</dd>
        {info.cosparId && (
          <>
            <dt>COSPAR</dt>
            <dd>{info.cosparId}</dd>
          </>
        )}
        <dt>State</dt>
        <dd>
          <StateIcon state={lost ? 'lost' : info.state} />
          {lost ? `lost at ${formatUtcSecond(info.lostAtMs!)}` : (info.state ?? 'n/a')}
        </dd>
        <dt>Altitude</dt>
        <dd>{info.altitudeKm !== null ? `${info.altitudeKm.toFixed(1)} km` : `${info.meanAltitudeKm.toFixed(1)} km (mean)`}</dd>
        {info.latDeg !== null && info.lonDeg !== null && (
          <>
            <dt>Position</dt>
            <dd>
              {Math.abs(info.latDeg).toFixed(2)}° {info.latDeg >= 0 ? 'N' : 'S'}, {Math.abs(info.lonDeg).toFixed(2)}° {info.lonDeg >= 0 ? 'E' : 'W'}
            </dd>
          </>
        )}
        <dt>Light</dt>
        <dd>{info.light ?? 'n/a'}</dd>
        <dt>Storage</dt>
        <dd>
          {info.storedBytes !== null
            ? `${formatBytes(info.storedBytes)} of ${formatBytes(info.storageCapacityBytes)} (${formatPercent(info.storedBytes / info.storageCapacityBytes)})`
            : 'n/a'}
        </dd>
        <dt>Compute load</dt>
        <dd>{formatPercent(info.computeLoad)}</dd>
        <dt>Battery</dt>
        <dd>{formatPercent(info.batterySoc)}</dd>
        <dt>Contact now</dt>
        <dd>{info.current ? <Contact c={info.current} nowMs={nowMs} current /> : 'none'}</dd>
        <dt>Next contact</dt>
        <dd>{info.next ? <Contact c={info.next} nowMs={nowMs} current={false} /> : 'none in this run'}</dd>
        <dt title="Downlink sessions the antenna scheduler gave this satellite over the whole run, and the bytes it sent in this mode">Downlink, run</dt>
        <dd data-testid="inspector-downlink">
          {info.downlink ? `${formatService(info.downlink)}${info.downlink.bytes !== null ? `, ${formatBytes(info.downlink.bytes)} sent` : ''}` : 'n/a'}
        </dd>
        <dt title="Path of this satellite's results now: over laser links to a satellite in a downlink session, then down (one-way light time)">
          Route to ground
        </dt>
        <dd data-testid="inspector-route">{route}</dd>
      </dl>
    </div>
  );
}

function Contact({ c, nowMs, current }: { c: ContactInfo; nowMs: number; current: boolean }) {
  const when = current
    ? `until ${formatUtcSecond(c.losMs).slice(11)} (${formatDurationS((c.losMs - nowMs) / 1000)} left)`
    : `at ${formatUtcSecond(c.aosMs).slice(11)} (in ${formatDurationS((c.aosMs - nowMs) / 1000)})`;
  return (
    <span>
      {c.stationName} {when}, max {c.maxElevationDeg.toFixed(0)}°{c.hasSession ? ', downlink' : ', no antenna'}
    </span>
  );
}

/** The orbit view (a constellation too large to simulate here): name, NORAD id and position only. */
function OrbitViewInspector({ selected, onClose }: { selected: number | null; onClose: () => void }) {
  const { client } = useServices();
  const [named, setNamed] = useState<{ index: number; name: string; norad: number } | null>(null);
  useEffect(() => {
    let live = true;
    if (selected !== null) void client.describe?.(selected).then((d) => live && d && setNamed({ index: selected, ...d }));
    return () => {
      live = false;
    };
  }, [client, selected]);
  const where = useClockValue(
    (fb) => (selected !== null ? satGeodetic(fb.keyframes, selected, fb.simTimeMs) : null),
    INSPECTOR_PERIOD_MS,
    [selected],
    sameGeodetic,
  );
  return (
    <InspectorSection>
      {selected === null ? (
        <p className="muted">Click a satellite.</p>
      ) : (
        <div>
          <InspectorHead name={named?.index === selected ? named.name : `Satellite #${selected + 1}`} onClose={onClose} testId="inspector-name" />
          <dl className="facts">
            <dt>NORAD</dt>
            <dd data-testid="inspector-norad">{named?.index === selected ? named.norad : '…'}</dd>
            <dt>Altitude</dt>
            <dd>{where ? `${where.altitudeKm.toFixed(1)} km` : 'n/a'}</dd>
            <dt>Position</dt>
            <dd>
              {where
                ? `${Math.abs(where.latDeg).toFixed(2)}° ${where.latDeg >= 0 ? 'N' : 'S'}, ` +
                  `${Math.abs(where.lonDeg).toFixed(2)}° ${where.lonDeg >= 0 ? 'E' : 'W'}`
                : 'n/a'}
            </dd>
          </dl>
        </div>
      )}
    </InspectorSection>
  );
}

function sameGeodetic(a: { latDeg: number; lonDeg: number; altitudeKm: number } | null, b: typeof a): boolean {
  return a === b || (a !== null && b !== null && a.latDeg === b.latDeg && a.lonDeg === b.lonDeg && a.altitudeKm === b.altitudeKm);
}
