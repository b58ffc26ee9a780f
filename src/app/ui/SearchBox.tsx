// Satellite search (`/` focuses it): by name or NORAD id; ↑/↓ move through the results, Enter or a click
// selects, Esc clears and deselects. An ARIA combobox with a listbox of results.
import { useEffect, useMemo, useState } from 'react';
import { useUi, useUiStore } from '../store.ts';
import { searchSatellites } from './search.ts';
import { useRun, useServices } from './services.ts';

interface Hit {
  index: number;
  name: string;
  norad: number;
}

/** Wait after the last keystroke before asking the orbit workers, ms (assumption: typing speed). */
const ORBIT_SEARCH_DEBOUNCE_MS = 150;

/** Matches among the run's satellites, or (orbit view) from the orbit workers, debounced. */
function useHits(query: string): Hit[] {
  const store = useUiStore();
  const { client } = useServices();
  const run = useRun();
  const orbitView = useUi(store, (s) => s.orbitView);
  const sats = run?.satellites;
  const local = useMemo(
    () => (sats ? searchSatellites(sats, query).map((i) => ({ index: i, name: sats[i]!.name, norad: sats[i]!.norad })) : []),
    [sats, query],
  );
  const [remote, setRemote] = useState<Hit[]>([]);
  const asksWorkers = orbitView !== null && client.search !== undefined && query.trim() !== '';
  useEffect(() => {
    if (!asksWorkers) return;
    let live = true;
    const t = setTimeout(
      () =>
        void client.search!(query).then(
          (h) => live && setRemote(h),
          () => live && setRemote([]),
        ),
      ORBIT_SEARCH_DEBOUNCE_MS,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, asksWorkers, query]);
  return sats ? local : asksWorkers ? remote : [];
}

export function SearchBox() {
  const store = useUiStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useHits(query);
  const results = hits.map((h) => h.index);
  const shown = open && query.trim() !== '';

  /** Selects, closes the list and moves focus to the inspector so the playback keys work again. */
  const pick = (i: number | undefined) => {
    if (i === undefined) return;
    store.setState({ selectedSat: i });
    setOpen(false);
    document.getElementById('inspector-h')?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = Math.max(results.length, 1);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      setOpen(true);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(results[active] ?? results[0]);
    } else if (e.key === 'Escape') {
      setQuery('');
      setOpen(false);
      e.currentTarget.blur();
    }
  };

  return (
    <div className="search">
      <input
        type="search"
        data-testid="search"
        placeholder="Search name or NORAD  ( / )"
        aria-label="Search satellites by name or NORAD id"
        role="combobox"
        aria-expanded={shown}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={shown && results[active] !== undefined ? `search-result-${results[active]}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul id="search-results" role="listbox" className="search-results" aria-label="Matching satellites">
          {results.length === 0 && <li className="muted">No satellite matches “{query.trim()}”</li>}
          {hits.map((s, n) => {
            const i = s.index;
            return (
              <li
                key={i}
                id={`search-result-${i}`}
                role="option"
                aria-selected={n === active}
                className={n === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                <span>{s.name}</span> <span className="muted">{s.norad}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
