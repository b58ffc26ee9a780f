// Stage `catalogue`: the scenario's constellation sources as records ready to propagate, bad items and sources
// quarantined with issues naming them (catalog/load.ts, the one loader). Pure: file access is injected.
import {
  catalogueRecords,
  loadCatalogue,
  type ConstellationInput,
  type IssueCounts,
  type LoadCatalogueOptions,
  type LoadedCatalogue,
  type ReadText,
} from '../catalog/load.ts';
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';

export interface CatalogueOutput {
  /** In satellite-index order. */
  records: CatalogRecord[];
  /** At most MAX_ISSUES_PER_KIND of a kind per source (catalog/load.ts). */
  issues: IngestIssue[];
  /** Quarantined items and warnings, counted before the issues were capped. */
  counts: IssueCounts;
}

/**
 * `preloaded`: the same scenario's catalogue already loaded with the default limits (e.g. to count its satellites
 * first), so its sources are not read and parsed again. `opts` go to the loader (e.g. `ageAtMs` for `ocsim route`).
 */
export async function catalogueStage(
  scenario: ConstellationInput,
  readText: ReadText,
  preloaded?: LoadedCatalogue,
  opts: LoadCatalogueOptions = {},
): Promise<CatalogueOutput> {
  const loaded = preloaded ?? (await loadCatalogue(scenario, readText, opts));
  return { records: catalogueRecords(loaded), issues: loaded.issues, counts: loaded.counts };
}
