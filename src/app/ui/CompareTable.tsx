// Side-by-side comparison of the three modes (the CLI's table), the selected mode's column highlighted and the
// best value of each row marked (never a latency the run did not reach: bestModeIndex).
import { useUi, useUiStore } from '../store.ts';
import { bestModeIndex, MODE_ROWS, rowsWithValues, rowTitle } from '../../sim/report/mode-rows.ts';
import { MODE_LABELS, MODE_ORDER } from './modes.ts';

export function CompareTable() {
  const store = useUiStore();
  const summary = useUi(store, (s) => s.summary);
  const mode = useUi(store, (s) => s.mode);
  if (!summary) return null;
  const modes = MODE_ORDER.filter((m) => summary.modes[m] !== undefined);
  const ms = modes.map((m) => summary.modes[m]!);
  return (
    <section className="panel-section" aria-labelledby="compare-h">
      <h2 id="compare-h">Compare modes</h2>
      <table className="compare" data-testid="compare-table">
        <caption className="sr-only">The three processing modes side by side; ★ marks the best value of a row.</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {modes.map((m) => (
              <th key={m} scope="col" className={`num mode-col-${m}${m === mode ? ' selected' : ''}`}>
                <button type="button" className="link" onClick={() => store.setState({ mode: m })} aria-label={`Show ${MODE_LABELS[m]}`}>
                  {MODE_LABELS[m]}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsWithValues(MODE_ROWS, ms).map((row) => {
            const best = bestModeIndex(row, ms);
            return (
              <tr key={row.label}>
                <th scope="row">{rowTitle(row.label)}</th>
                {ms.map((m, i) => (
                  <td key={m.mode} className={`num${modes[i] === mode ? ' selected' : ''}${i === best ? ' best' : ''}`}>
                    {row.value(m, summary)}
                    {i === best && <span aria-label="best"> ★</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
