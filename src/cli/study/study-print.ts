// The text the study commands print: the tornado (top parameters per mode and the assumptions that flip the
// winner) and the uncertainty summary (p5/p50/p95 of the key metrics, the probability that orbit wins).
import type { Tornado, UncertaintySummary } from '../../sim/study/analysis.ts';
import { formatPercent, formatSignificant } from '../../sim/report/format.ts';
import type { CliIo } from '../run-command.ts';

const v = (x: number | null) => (x === null ? 'none' : formatSignificant(x));

export function printTornado(t: Tornado, top: number, io: CliIo): void {
  const lines: string[] = [];
  for (const [mode, bars] of Object.entries(t.bars)) {
    lines.push(`${mode} ${t.metric}: base ${v(t.base[mode] ?? null)}; largest swings (metric at low … at high of each parameter)`);
    for (const b of bars.slice(0, top)) {
      lines.push(
        `  ${b.path.padEnd(36)} ${v(b.atLow).padStart(10)} … ${v(b.atHigh).padEnd(10)} swing ${v(b.swing)}   ` +
          `(${formatSignificant(b.lowValue)} … ${formatSignificant(b.highValue)} ${b.unit})`,
      );
    }
  }
  lines.push(`winner at the base: ${t.baseWinner} (lower ${t.metric})`);
  if (t.flips.length === 0) lines.push('no single assumption at its low or high flips the winner');
  for (const f of t.flips) lines.push(`flips: ${f.path} at its ${f.level} (${formatSignificant(f.value)}) makes ${f.winner} win`);
  io.out(lines.join('\n'));
}

const KEY_METRICS = ['costUsdPerMTok', 'latencyS.p50', 'latencyS.p90', 'deliveredTileFraction', 'bandwidthSavedFraction'];

export function printUncertainty(u: UncertaintySummary, io: CliIo): void {
  const lines = [`${u.samples} samples; p5 / p50 / p95 (none: no value, a latency not reached or no token, counted as the worst)`];
  for (const metric of KEY_METRICS) {
    for (const mode of [u.orbit, u.ground]) {
      const s = u.spreads[`${mode}.${metric}`];
      if (!s) continue;
      lines.push(
        `  ${`${mode}.${metric}`.padEnd(30)} ${v(s.p5).padStart(10)} ${v(s.p50).padStart(10)} ${v(s.p95).padStart(10)}${s.nulls ? `   (${s.nulls} none)` : ''}`,
      );
    }
  }
  lines.push(`P(${u.orbit} cheaper per token than ${u.ground}) = ${formatPercent(u.pOrbitCheaper)}`);
  lines.push(`P(${u.orbit} faster at the median than ${u.ground}) = ${formatPercent(u.pOrbitFaster)}`);
  io.out(lines.join('\n'));
}
