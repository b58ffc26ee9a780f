// How the ground stations were shared: contact windows and downlink sessions, the windows lost to antenna contention,
// the scheduler and its hand-overs, the least-served satellite and Jain's index of session minutes, and per shell the
// sessions, hours and bytes sent down in the selected mode (summary.contacts and summary.fairness; the same texts as
// `ocsim run`'s head lines, docs/model.md §5).
import { useUi, useUiStore } from '../store.ts';
import { formatBytes, formatNumber } from '../../sim/report/format.ts';
import { formatContacts, formatJain, formatLeastServed } from '../../sim/report/summary-table.ts';

export function ContactsPanel() {
  const store = useUiStore();
  const summary = useUi(store, (s) => s.summary);
  const mode = useUi(store, (s) => s.mode);
  if (!summary) return null;
  const f = summary.fairness;
  return (
    <section className="panel-section" aria-labelledby="contacts-h" data-testid="contacts-summary">
      <h2 id="contacts-h">Ground contacts {f && <span className="muted small">scheduler {f.policy}</span>}</h2>
      <p className="small" data-testid="contacts-line">
        {formatContacts(summary.contacts)}
      </p>
      {f && (
        <>
          <dl className="facts">
            <dt>Least served</dt>
            <dd data-testid="contacts-least-served">{formatLeastServed(f)}</dd>
            <dt>Fairness</dt>
            <dd data-testid="contacts-jain">
              {formatJain(f)}; {f.satellitesWithoutSession} never served; {f.handOvers} hand-overs
            </dd>
          </dl>
          {f.shells.length > 0 && (
            <table className="breakdown">
              <thead>
                <tr>
                  <th scope="col">Shell</th>
                  <th scope="col" className="num">
                    Sessions
                  </th>
                  <th scope="col" className="num">
                    Sent ({mode})
                  </th>
                </tr>
              </thead>
              <tbody>
                {f.shells.map((sh) => (
                  <tr key={sh.name}>
                    <th scope="row">
                      {sh.name} × {sh.satellites}
                    </th>
                    <td className="num">
                      {sh.sessions}, {formatNumber(sh.sessionMinutes / 60, 1)} h
                    </td>
                    <td className="num">{formatBytes(sh.bytesDownlinked[mode] ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
