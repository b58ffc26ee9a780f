// Stage `catalogue`: the scenario's constellation sources as records ready to propagate, bad items and sources
// quarantined with issues naming them (catalog/load.ts, the one loader). Pure: file access is injected.
import { catalogueRecords, loadCatalogue, type ConstellationInput, type ReadText } from '../catalog/load.ts';
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';

export interface CatalogueOutput {
  /** In satellite-index order. */
  records: CatalogRecord[];
  issues: IngestIssue[];
}

export async function catalogueStage(scenario: ConstellationInput, readText: ReadText): Promise<CatalogueOutput> {
  const loaded = await loadCatalogue(scenario, readText);
  return { records: catalogueRecords(loaded), issues: loaded.issues };
}
