// The accessible view: tables of satellites and of contacts (open now, then next) mirroring the globe, for
// keyboard and screen-reader users. Refreshed once a second of wall time; satellites are paged.
import { useState } from 'react';
import { useUi, useUiStore } from '../store.ts';
import { StateIcon } from './StateIcon.tsx';
import { formatBytes } from '../../sim/report/format.ts';
import { formatUtcTime } from './format.ts';
import { useClockValue, useShown } from './services.ts';
import { contactRows, satelliteRows } from './table-rows.ts';

const PAGE_SIZE = 50;
const CONTACT_ROWS = 50;
const TABLE_PERIOD_MS = 1000;

export function TableView() {
  const store = useUiStore();
  const shown = useShown();
  const run = shown.kind === 'run' ? shown.result : null;
  const startMs = shown.kind === 'run' ? shown.startMs : 0;
  const mode = useUi(store, (s) => s.mode);
  const selected = useUi(store, (s) => s.selectedSat);
  const [page, setPage] = useState(0);
  const satCount = run?.satellites.length ?? 0;
  const pages = Math.max(1, Math.ceil(satCount / PAGE_SIZE));
  const p = Math.min(page, pages - 1);
  const rows = useClockValue((fb) => (run ? satelliteRows(run, fb.keyframes, mode, fb.simTimeMs, startMs, p * PAGE_SIZE, PAGE_SIZE) : []), TABLE_PERIOD_MS, [
    run,
    startMs,
    mode,
    p,
  ]);
  const contacts = useClockValue((fb) => (run ? contactRows(run, fb.simTimeMs, CONTACT_ROWS) : []), TABLE_PERIOD_MS, [run]);
  if (!run) return <div className="table-view muted">Waiting for the first run…</div>;
  return (
    <div className="table-view" data-testid="table-view">
      <table aria-labelledby="sat-table-h">
        <caption id="sat-table-h">
          Satellites ({mode} mode), {p * PAGE_SIZE + 1}–{Math.min(satCount, (p + 1) * PAGE_SIZE)} of {satCount}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">NORAD</th>
            <th scope="col">State</th>
            <th scope="col">Light</th>
            <th scope="col" className="num">
              Altitude
            </th>
            <th scope="col" className="num">
              Storage
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.index} aria-selected={r.index === selected} className={r.index === selected ? 'selected' : undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => store.setState({ selectedSat: r.index })} aria-label={`Select ${r.name}`}>
                  {r.name}
                </button>
              </th>
              <td>{r.norad}</td>
              <td>
                <StateIcon state={r.state} />
                {r.state}
              </td>
              <td>{r.light}</td>
              <td className="num">{r.altitudeKm === null ? 'n/a' : `${r.altitudeKm.toFixed(1)} km`}</td>
              <td className="num">{r.storedBytes === null ? 'n/a' : formatBytes(r.storedBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="row" aria-label="Satellite table pages">
          <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)}>
            Previous
          </button>
          <span className="small">
            Page {p + 1} of {pages}
          </span>
          <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            Next
          </button>
        </nav>
      )}
      <table aria-labelledby="contact-table-h">
        <caption id="contact-table-h">Contacts open now and next (AOS / LOS, UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Satellite</th>
            <th scope="col">Station</th>
            <th scope="col">AOS</th>
            <th scope="col">LOS</th>
            <th scope="col" className="num">
              Max elevation
            </th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {contacts.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No contact left in this run.
              </td>
            </tr>
          )}
          {contacts.map((c) => (
            <tr key={`${c.satIndex}-${c.station}-${c.aosMs}`} className={c.open ? 'open' : undefined}>
              <th scope="row">{c.satName}</th>
              <td>{c.station}</td>
              <td>{formatUtcTime(c.aosMs)}</td>
              <td>{formatUtcTime(c.losMs)}</td>
              <td className="num">{c.maxElevationDeg.toFixed(1)}°</td>
              <td>{c.open ? 'in contact' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
