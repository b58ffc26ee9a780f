// Key numbers of the selected mode: latency p50/p90, bandwidth saved, backlog and drops, cost per million tokens
// with its breakdown (summary.modes[mode].costUsd), how the hub GPUs were paid for and how busy they were, and the
// margin when the scenario gives a sale price.
import type { GpuPricing } from '../../sim/cost/gpu-pricing.ts';
import type { ModeSummary } from '../../sim/engine/result-types.ts';
import { BROWSER_SIM_MAX_SATELLITES } from '../sim-client.ts';
import { MODE_ROWS } from '../../sim/report/mode-rows.ts';

const LATENCY_P50 = MODE_ROWS.find((r) => r.label === 'latency p50')!;
const LATENCY_P90 = MODE_ROWS.find((r) => r.label === 'latency p90')!;
const WITHIN_1H = MODE_ROWS.find((r) => r.label === 'insight ≤ 1 h')!;
import { useUi, useUiStore } from '../store.ts';
import { formatBytes, formatPercent, formatTokens, formatUsd } from '../../sim/report/format.ts';
import { COST_ROWS } from '../../sim/report/mode-rows.ts';
import { MODE_HINTS, MODE_LABELS } from './modes.ts';

export function MetricsPanel() {
  const store = useUiStore();
  const mode = useUi(store, (s) => s.mode);
  const m: ModeSummary | null = useUi(store, (s) => s.summary?.modes[mode] ?? null);
  const hasSummary = useUi(store, (s) => s.summary !== null);
  const durationH = useUi(store, (s) => s.summary?.durationH ?? 0);
  const gpuPricing = useUi(store, (s) => s.summary?.gpuPricing ?? null);
  const orbitView = useUi(store, (s) => s.orbitView);
  const na = hasSummary ? 'not simulated' : orbitView ? '—' : '…';
  return (
    <section className="panel-section metrics" aria-labelledby="metrics-h">
      <h2 id="metrics-h">
        {MODE_LABELS[mode]} <span className="muted small">{MODE_HINTS[mode]}</span>
      </h2>
      {orbitView && (
        <p className="notice small" data-testid="orbit-view-notice">
          {orbitView.satCount.toLocaleString('en-US')} satellites: orbits only, computed by {orbitView.workers} workers. The browser simulates up to{' '}
          {BROWSER_SIM_MAX_SATELLITES.toLocaleString('en-US')} satellites; for metrics, run this scenario with the CLI (
          <code>npx ocsim run --scenario &lt;file&gt;</code>).
        </p>
      )}
      <div className="cards">
        <Metric id="metric-latency-p50" label="Latency p50" hint="capture to insight, every tile" value={m ? LATENCY_P50.value(m, { durationH }) : na} />
        <Metric id="metric-latency-p90" label="Latency p90" value={m ? LATENCY_P90.value(m, { durationH }) : na} />
        <Metric id="metric-within-1h" label="Insight ≤ 1 h" hint="share of captured tiles" value={m ? WITHIN_1H.value(m, { durationH }) : na} />
        <Metric id="metric-bandwidth-saved" label="Bandwidth saved" value={m ? formatPercent(m.bandwidthSavedFraction) : na} />
        <Metric id="metric-cost-per-mtok" label="Cost per M tokens" value={m ? formatUsd(m.costUsdPerMTok) : na} />
        {m?.revenue && (
          <Metric
            id="metric-margin-per-mtok"
            label="Margin per M tokens"
            hint={`sold at ${formatUsd(m.revenue.saleUsdPerMTok)}/M: ${formatUsd(m.revenue.marginUsd)} over the run`}
            value={formatUsd(m.revenue.marginUsdPerMTok)}
          />
        )}
        <Metric
          id="metric-backlog"
          label="Backlog at end"
          value={m ? formatBytes(m.backlogBytesEnd) : na}
          hint={m ? `max ${formatBytes(m.backlogBytesMax)}` : undefined}
        />
        <Metric id="metric-dropped" label="Dropped" value={m ? formatBytes(m.bytesDropped) : na} hint={m ? dropHint(m) : undefined} />
        <Metric
          id="metric-tokens"
          label="Tokens inferred"
          value={m ? formatTokens(m.tokensProcessed) : na}
          hint={m ? `${formatTokens(m.tokensOnboard)} in orbit, ${formatTokens(m.tokensGround)} on the ground` : undefined}
        />
        <Metric id="metric-delivered" label="Tiles resolved" value={m ? formatPercent(m.deliveredTileFraction) : na} />
        <Metric id="metric-isl-relayed" label="Relayed over ISL" hint={m ? islHint(m) : undefined} value={m ? formatBytes(m.bytesRelayedOverIsl ?? 0) : na} />
      </div>
      {m && <CostBreakdown m={m} gpuPricing={gpuPricing} />}
    </section>
  );
}

/** Mean hops of the relayed bytes (ISL link load / bytes relayed). */
function islHint(m: ModeSummary): string | undefined {
  const bytes = m.bytesRelayedOverIsl ?? 0;
  return bytes > 0 ? `${((m.islByteHops ?? 0) / bytes).toFixed(1)} hops on average` : undefined;
}

function dropHint(m: ModeSummary): string | undefined {
  const r = m.bytesDroppedByReason;
  if (r.storageFull === 0 && r.satelliteLost === 0) return undefined;
  return `storage full ${formatBytes(r.storageFull)}, lost ${formatBytes(r.satelliteLost)}`;
}

function Metric(p: { id: string; label: string; value: string; hint?: string | undefined }) {
  return (
    <div className="metric">
      <div className="metric-label">{p.label}</div>
      <div className="metric-value" data-testid={p.id}>
        {p.value}
      </div>
      {p.hint && <div className="metric-hint muted">{p.hint}</div>}
    </div>
  );
}

function CostBreakdown({ m, gpuPricing }: { m: ModeSummary; gpuPricing: GpuPricing | null }) {
  const total = m.costUsd.totalUsd;
  const busy = m.clusterUtilisation?.overall;
  return (
    <table className="breakdown" data-testid="cost-breakdown">
      <caption>
        Cost of the run: {formatUsd(total)}
        {gpuPricing && (
          <span className="muted small" data-testid="gpu-pricing">
            {' '}
            — GPUs {gpuPricing}
            {busy != null ? `, ${formatPercent(busy)} busy` : ''}
          </span>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">
            Cost
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {COST_ROWS.map(({ key, label }) => {
          const v = m.costUsd[key];
          return (
            <tr key={key} className={v === 0 ? 'muted' : undefined}>
              <th scope="row">{label}</th>
              <td className="num">{formatUsd(v)}</td>
              <td className="num">
                <span className="bar" style={{ width: `${total > 0 ? (100 * v) / total : 0}%` }} aria-hidden="true" />
                {total > 0 ? formatPercent(v / total) : 'n/a'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
