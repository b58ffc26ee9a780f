// Describes the outcome of importing a run JSON for the user, from whatever the sim client returned
// (a RunReply with `replayMatches`, or an error). Pure.

export interface ImportOutcome {
  ok: boolean;
  message: string;
}

/** The message shown after an import. */
export function describeImport(result: unknown, fileName: string): ImportOutcome {
  if (result === null || result === undefined) return { ok: false, message: `${fileName}: import was superseded or returned nothing` };
  if (typeof result !== 'object') return { ok: false, message: `${fileName}: unexpected import result` };
  const r = result as { ok?: boolean; replayMatches?: boolean; message?: string; scenarioErrors?: { path: string; message: string }[] };
  if (r.ok === false) {
    const first = r.scenarioErrors?.[0];
    const detail = first ? ` (${first.path}: ${first.message})` : '';
    return { ok: false, message: `${fileName}: ${r.message ?? 'import failed'}${detail}` };
  }
  if (r.replayMatches === true) return { ok: true, message: `${fileName}: replayed; the summary matches the file exactly ✓` };
  if (r.replayMatches === false) return { ok: false, message: `${fileName}: replayed, but the summary differs from the file ✗ (different engine version?)` };
  return { ok: true, message: `${fileName}: replayed` };
}
