// Export the run shown as JSON / CSV / CZML (the CLI's formats, downloaded via a Blob) and import a run JSON
// to replay it (the panel says whether the replay's summary matched the file).
import { useState } from 'react';
import type { ExportFormat } from '../../../workers/protocol.ts';
import { useUi, useUiStore } from '../store.ts';
import { downloadBlob } from './download.ts';
import { describeImport, type ImportOutcome } from './import-result.ts';
import { exportFileName } from './scenario-draft.ts';
import { useServices } from './services.ts';

const MIME: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv', czml: 'application/json' };

function download(text: string, fileName: string, format: ExportFormat): void {
  downloadBlob(new Blob([text], { type: MIME[format] }), fileName);
}

export function ExportPanel() {
  const store = useUiStore();
  const { client } = useServices();
  const summary = useUi(store, (s) => s.summary);
  const status = useUi(store, (s) => s.status);
  const [busy, setBusy] = useState<ExportFormat | 'import' | null>(null);
  const [note, setNote] = useState<ImportOutcome | null>(null);

  const exportAs = async (format: ExportFormat) => {
    if (!summary) return;
    setBusy(format);
    try {
      const text = await client.exportRun(format);
      if (text === null) setNote({ ok: false, message: `No finished run to export as ${format.toUpperCase()}.` });
      else download(text, exportFileName(summary.scenarioName, summary.seed, format), format);
    } catch (e) {
      setNote({ ok: false, message: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    setBusy('import');
    setNote({ ok: true, message: `${file.name}: replaying…` });
    try {
      setNote(describeImport(await client.importRun(await file.text()), file.name));
    } catch (e) {
      setNote({ ok: false, message: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const disabled = !summary || status === 'running' || busy !== null;
  return (
    <section className="panel-section" aria-labelledby="export-h">
      <h2 id="export-h">Export / import</h2>
      <div className="row">
        {(['json', 'csv', 'czml'] as const).map((f) => (
          <button key={f} type="button" data-testid={`export-${f}`} disabled={disabled} onClick={() => void exportAs(f)}>
            {busy === f ? '…' : f.toUpperCase()}
          </button>
        ))}
      </div>
      <label className="import">
        <span>Import a run JSON to replay it</span>
        <input
          type="file"
          data-testid="import-run"
          accept=".json,application/json"
          disabled={busy !== null}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </label>
      {note && (
        <p className={`small ${note.ok ? '' : 'warn'}`} role="status" data-testid="import-status">
          {note.message}
        </p>
      )}
    </section>
  );
}
