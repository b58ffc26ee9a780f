// `ocsim params [--scenario S] [--json]` (and the model-choice flags of `ocsim run`): the study parameters, with the
// scenario's values, ranges, sources and the stage each invalidates, then the model choices a sweep sets by name.
import { choiceAt, valuesAt } from '../../sim/study/apply.ts';
import { CHOICE_PARAMS, paramStage, PARAMS } from '../../sim/study/params.ts';
import { formatSignificant } from '../../sim/report/format.ts';
import type { CliIo } from '../run-command.ts';
import type { ScenarioOverrides } from '../scenario-loader.ts';
import { inlineScenario } from './study-context.ts';

export async function runParamsCommand(o: { scenario: string; json?: boolean } & ScenarioOverrides, io: CliIo): Promise<number> {
  const scenario = await inlineScenario(o.scenario, o);
  const rows = PARAMS.map((p) => {
    const values = valuesAt(scenario, p.path);
    return { ...p, stage: paramStage(p.path, scenario), values };
  });
  const choices = CHOICE_PARAMS.map((c) => ({ ...c, stage: paramStage(c.path, scenario), base: choiceAt(scenario, c.path) ?? null }));
  if (o.json) {
    io.out(
      JSON.stringify(
        [
          ...rows.map(({ values, ...r }) => ({ kind: 'number', ...r, base: values.length === 0 ? null : values.length === 1 ? values[0] : values })),
          ...choices.map((c) => ({ kind: 'choice', ...c })),
        ],
        null,
        2,
      ),
    );
    return 0;
  }
  const base = (v: number[]) =>
    v.length === 0
      ? 'n/a'
      : Math.min(...v) === Math.max(...v)
        ? formatSignificant(v[0]!)
        : `${formatSignificant(Math.min(...v))}–${formatSignificant(Math.max(...v))}`;
  const table = [
    ['path', 'stage', 'unit', 'base', 'low', 'high', 'scale', 'source'],
    ...rows.map((r) => [r.path, r.stage, r.unit, base(r.values), formatSignificant(r.low), formatSignificant(r.high), r.scale, r.source]),
  ];
  io.out(aligned(table));
  io.out(
    '\n' +
      aligned([['model choice', 'stage', 'base', 'choices (sweep by name)'], ...choices.map((c) => [c.path, c.stage, c.base ?? 'n/a', c.choices.join(', ')])]),
  );
  io.err(
    `${rows.length} parameters and ${choices.length} model choices; [*] sets every element, [i] one (e.g. groundStations[2].costUsdPerMin); ` +
      `a choice is swept by name (--vary gpu.pricing=on-demand,reserved). Scenario "${scenario.name}".`,
  );
  return 0;
}

/** Rows as columns padded to their widest cell, two spaces apart; the last column is not padded. */
function aligned(table: readonly string[][]): string {
  const last = table[0]!.length - 1;
  const widths = table[0]!.map((_, c) => (c === last ? 0 : Math.max(...table.map((row) => row[c]!.length))));
  return table.map((row) => row.map((cell, c) => (c === last ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n');
}
