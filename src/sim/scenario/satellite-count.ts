// How many satellites a scenario names, counted without building any orbit (Walker shells by arithmetic, catalogue
// texts by their entries): the app uses it to choose between simulating and showing orbits only. Pure.
import type { ReadText } from '../engine/prepare.ts';
import type { Scenario } from './schema.ts';

/** Entries of a catalogue text (an upper bound of the satellites it loads: bad entries are counted too). */
export function countCatalogEntries(text: string, kind: 'tle' | 'omm-json' | 'omm-csv'): number {
  if (kind === 'omm-json') return text.match(/"NORAD_CAT_ID"/g)?.length ?? 0;
  if (kind === 'omm-csv') return Math.max(0, (text.match(/^[^\S\r\n]*\S.*$/gm)?.length ?? 0) - 1);
  return text.match(/^[^\S\r\n]*1 /gm)?.length ?? 0;
}

/**
 * Satellites of the scenario's sources: Walker P × S, texts by countCatalogEntries (inline, from `files`, or read
 * with `readText`; an unreadable file counts 0 — the run reports it).
 */
export async function countScenarioSatellites(scenario: Scenario, files?: Record<string, string>, readText?: ReadText): Promise<number> {
  let n = 0;
  for (const src of scenario.constellation.sources) {
    if (src.kind === 'walker') {
      n += src.planes * src.satsPerPlane;
      continue;
    }
    let text = src.text ?? '';
    if (src.file !== undefined) {
      if (files && Object.hasOwn(files, src.file)) text = files[src.file]!;
      else if (readText) text = await readText(src.file).catch(() => '');
    }
    n += countCatalogEntries(text, src.kind);
  }
  return n;
}
