// `ocsim breakeven`: the value of one parameter at which two modes' metric are equal, or none in the range.
// Prints one tab-separated line (`breakeven<TAB>PATH<TAB>VALUE<TAB>…` or `none<TAB>PATH<TAB>…`); --json the details.
import { parseRange } from '../../sim/study/axes.ts';
import { findBreakeven, type BreakevenResult } from '../../sim/study/breakeven.ts';
import { requireParam, StudyInputError } from '../../sim/study/apply.ts';
import { formatSignificant } from '../../sim/report/format.ts';
import type { CliIo } from '../run-command.ts';
import { InputError, type ScenarioOverrides } from '../scenario-loader.ts';
import { cliStudyEvaluator } from './point-evaluator.ts';
import { inlineScenario } from './study-context.ts';
import { comparedModes, requireMetric } from './study-commands.ts';

export interface BreakevenCommandOptions extends ScenarioOverrides {
  scenario: string;
  vary: string;
  range: string;
  modes?: string;
  metric?: string;
  /** Final bracket width relative to the range (default 1e-6). */
  tol?: number;
  json?: boolean;
}

export async function runBreakevenCommand(o: BreakevenCommandOptions, io: CliIo): Promise<number> {
  let def;
  let range;
  try {
    def = requireParam(o.vary);
    range = parseRange(o.range);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const [a, b] = comparedModes(o.modes);
  const metric = o.metric ?? 'costUsdPerMTok';
  const evaluator = await cliStudyEvaluator(await inlineScenario(o.scenario, o));
  const names = await evaluator.metricNames();
  requireMetric(names, [a, b], metric);
  const [ia, ib] = [names.indexOf(`${a}.${metric}`), names.indexOf(`${b}.${metric}`)];
  let r: BreakevenResult;
  try {
    r = await findBreakeven(
      async (x) => {
        const { values } = await evaluator.evaluate([{ path: o.vary, value: x }]);
        return { a: values[ia]!, b: values[ib]! };
      },
      { low: range.low, high: range.high, log: def.scale === 'log' && range.low > 0, integer: def.integer, ...(o.tol ? { tolRel: o.tol } : {}) },
    );
  } catch (err) {
    if (err instanceof StudyInputError) throw new InputError(`--range: ${err.message}`);
    throw err;
  }
  const f = formatSignificant;
  const at = (s: { a: number | null; b: number | null }) => `${a}=${s.a === null ? 'none' : f(s.a, 6)}\t${b}=${s.b === null ? 'none' : f(s.b, 6)}`;
  const lowerBelow = (r.atLow.a ?? Infinity) < (r.atLow.b ?? Infinity) ? a : b;
  const other = lowerBelow === a ? b : a;
  if (o.json) io.out(JSON.stringify({ path: o.vary, metric, modes: [a, b], unit: def.unit, range, ...r }, null, 2));
  else if (r.found) {
    const jump = r.continuous ? '' : '\tjump';
    io.out(
      `breakeven\t${o.vary}\t${f(r.value!, 8)}\t${metric}\t${lowerBelow} lower below, ${other} above\t${at(r.below)}\t` +
        `bracket=[${f(r.bracket![0], 10)}, ${f(r.bracket![1], 10)}]${jump}`,
    );
  } else
    io.out(
      `none\t${o.vary}\t[${f(range.low)}, ${f(range.high)}]\t${metric}\t${lowerBelow} lower throughout\t` +
        `at ${f(range.low)}: ${at(r.atLow)}\tat ${f(range.high)}: ${at(r.atHigh)}`,
    );
  if (r.moreCrossings.length)
    io.err(`note: the metrics cross again in ${r.moreCrossings.map(([x, y]) => `[${f(x)}, ${f(y)}]`).join(', ')}; the first crossing is reported`);
  io.err(`${r.evaluations} runs (${r.iterations} refining), tolerance ${f(r.tolerance)} ${def.unit}`);
  return 0;
}
