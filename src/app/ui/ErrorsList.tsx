// Scenario validation errors (path: message) and catalogue ingest issues (line / column messages). Good
// satellites of a catalogue with bad lines are kept and drawn; the list says what was left out and why.
import { useUi, useUiStore } from '../store.ts';

/** At most this many issues are listed (a count of the rest follows). */
const MAX_LISTED = 200;

export function ErrorsList() {
  const store = useUiStore();
  const errors = useUi(store, (s) => s.scenarioErrors);
  const issues = useUi(store, (s) => s.ingestIssues);
  const total = errors.length + issues.length;
  const bad = issues.filter((i) => i.severity === 'error').length;
  const ordered = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
  return (
    <div className="errors" data-testid="scenario-errors" aria-live="polite" data-count={total}>
      {total === 0 ? (
        <p className="muted small">No input problems.</p>
      ) : (
        <>
          <p className="small">
            {errors.length > 0 && <strong>{errors.length} scenario error(s). </strong>}
            {issues.length > 0 && (
              <span>
                Catalogue: {bad} item(s) left out, {issues.length - bad} warning(s).
              </span>
            )}
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={`s${i}`} className="error">
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
            {ordered.slice(0, MAX_LISTED).map((x, i) => (
              <li key={`c${i}`} className={x.severity}>
                {x.severity}: {x.message}
              </li>
            ))}
          </ul>
          {issues.length > MAX_LISTED && <p className="muted small">… and {issues.length - MAX_LISTED} more</p>}
        </>
      )}
    </div>
  );
}
