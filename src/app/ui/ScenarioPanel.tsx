// Scenario panel: preset selector, pasted / dropped TLE or OMM text (format detected; it replaces the
// constellation), key parameters, Run, progress and the list of scenario errors and catalogue issues.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { presets } from '../../sim/scenario/presets.ts';
import { useUi, useUiStore } from '../store.ts';
import { ErrorsList } from './ErrorsList.tsx';
import { ParamsForm } from './ParamsForm.tsx';
import { withCatalogText } from './scenario-draft.ts';
import { useServices } from './services.ts';

export function ScenarioPanel() {
  const store = useUiStore();
  const { client } = useServices();
  const presetName = useUi(store, (s) => s.presetName);
  const status = useUi(store, (s) => s.status);
  const progress = useUi(store, (s) => s.progress);
  const [text, setText] = useState('');
  const [label, setLabel] = useState('pasted');
  const [dragging, setDragging] = useState(false);
  const [basePreset, setBasePreset] = useState(presets[presetName] ? presetName : 'three-body');

  const runDraft = useCallback(
    (catalogText: string, catalogLabel: string) => {
      let draft = store.getState().scenarioDraft;
      if (catalogText.trim() !== '') {
        const r = withCatalogText(draft, catalogText, catalogLabel);
        if (!r.ok) return void store.setState({ scenarioErrors: [r.error], ingestIssues: [] });
        draft = r.draft;
      } else {
        draft = { ...draft, constellation: presets[basePreset]!.constellation };
      }
      // Not validated here: the worker validates it once and replies errors by path (shown by ErrorsList).
      const custom = catalogText.trim() !== '' || store.getState().presetName === 'custom';
      store.setState({ scenarioDraft: draft, presetName: custom ? 'custom' : basePreset, scenarioErrors: [], ingestIssues: [], errorMessage: null });
      void client.run(draft);
    },
    [store, client, basePreset],
  );

  const choosePreset = (name: string) => {
    const p = presets[name];
    if (!p) return;
    setBasePreset(name);
    setText('');
    store.setState({ scenarioDraft: p, presetName: name, scenarioErrors: [], ingestIssues: [], errorMessage: null });
    void client.run(p);
  };

  const loadFile = useCallback(
    async (file: File, run: boolean) => {
      const t = await file.text();
      setText(t);
      setLabel(file.name);
      if (run) runDraft(t, file.name);
    },
    [runDraft],
  );

  useDropFile(setDragging, (f) => void loadFile(f, true));

  const running = status === 'running';
  const frac = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <section className="panel-section scenario" aria-labelledby="scenario-h">
      <h2 id="scenario-h">Scenario</h2>
      <label className="param">
        <span>Preset</span>
        <select data-testid="preset" value={presetName} onChange={(e) => choosePreset(e.target.value)}>
          {Object.keys(presets).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          {presetName === 'custom' && <option value="custom">custom (edited {basePreset})</option>}
        </select>
      </label>
      <label className="catalog" htmlFor="tle-input">
        Satellites: paste TLE / OMM (JSON or CSV), or drop a file on the page. Empty: the preset’s catalogue.
      </label>
      <textarea
        id="tle-input"
        data-testid="tle-input"
        rows={5}
        wrap="off"
        spellCheck={false}
        placeholder={'SCS-01 A\n1 63982U 25100A   …\n2 63982  97.4…'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setLabel('pasted');
        }}
      />
      <div className="row">
        <label className="file-btn">
          Load file…
          <input type="file" accept=".tle,.txt,.3le,.json,.csv" onChange={(e) => e.target.files?.[0] && void loadFile(e.target.files[0], false)} />
        </label>
        <button type="button" className="link" disabled={text === ''} onClick={() => setText('')}>
          Clear
        </button>
        <span className="spacer" />
        <button type="button" className="primary" data-testid="run" onClick={() => runDraft(text, label)}>
          Run
        </button>
      </div>
      {running && (
        <div className="progress-row" role="status">
          <progress max={1} value={frac} aria-label="Run progress" /> <span className="muted small">{progress?.phase ?? 'starting'}</span>
        </div>
      )}
      <ErrorsList />
      <ParamsForm />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a TLE / OMM file to run it
        </div>
      )}
    </section>
  );
}

/** Page-wide drag-and-drop of one file. */
function useDropFile(setDragging: (d: boolean) => void, onFile: (f: File) => void): void {
  const onFileLatest = useEffectEvent(onFile);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f) onFileLatest(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [setDragging]);
}
