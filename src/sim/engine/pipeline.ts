// The engine as a pipeline of pure stages: catalogue → geometry → schedule → routing → processing → pricing →
// summary.
// `runPipeline` runs them all, or, given a previous run, reruns from the first stage whose scenario inputs
// changed (stage-reads.ts) and reuses the earlier outputs; the result is byte-identical to a fresh run
// (test/engine/pipeline.test.ts). Stage outputs are plain data and typed arrays (structured-clone serialisable)
// and are never mutated by later stages. Pure: files, the land mask, the propagator and progress are injected.
import type { SatRec } from 'satellite.js';
import type { LoadedCatalogue, ReadText } from '../catalog/load.ts';
import { createOrbitPropagator, type GridPropagator } from '../orbit/propagator.ts';
import type { StationGeometry } from '../links/visibility.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LandMask } from '../workload/land-mask.ts';
import { catalogueStage, type CatalogueOutput } from './catalogue-stage.ts';
import { geometryStage, scenarioStations, type GeometryOutput } from './geometry-stage.ts';
import { pricingStage, type PricingOutput } from './pricing-stage.ts';
import { processingStage, type ProcessingOutput } from './processing-stage.ts';
import type { RunResult, RunSummary } from './result-types.ts';
import { scheduleStage, type ScheduleOutput } from './schedule-stage.ts';
import { routingStage, type RoutingOutput } from './routing-stage.ts';
import { firstStageToRerun, STAGES, type StageName } from './stage-reads.ts';
import { buildRunResult, buildSummary, type SummaryInputs } from './summary.ts';

export type RunPhase = 'load' | 'propagate' | 'route' | 'simulate';

export interface PipelineDeps {
  readText: ReadText;
  landMask: LandMask;
  /**
   * Propagator for the geometry pass and the ISL relay (default: `createOrbitPropagator`, the packed kernel on
   * this thread); the CLI passes worker threads, which may also find the contact windows of `stations`
   * (geometry-pass.ts ContactScanningPropagator). Any propagator must give the default's results.
   */
  createPropagator?: (satrecs: SatRec[], context: { stations: StationGeometry }) => Promise<GridPropagator>;
  onProgress?: (phase: RunPhase, done: number, total: number) => void;
  /** Record what every satellite does at every step (for the browser view); off in the CLI to save memory. */
  recordTimeline?: boolean;
  /** The scenario's catalogue, already loaded with the default limits (catalogue-stage.ts). */
  preloaded?: LoadedCatalogue;
  /** Keep positions every ≈ 60 s for the CZML export (default true; studies need none). */
  keepOrbitSamples?: boolean;
}

/** Every stage's output of one run. */
export interface StageOutputs {
  catalogue: CatalogueOutput;
  geometry: GeometryOutput;
  schedule: ScheduleOutput;
  /** Null when no ISL relay runs. */
  routing: RoutingOutput | null;
  processing: ProcessingOutput;
  pricing: PricingOutput;
}

/** A finished run: its (validated) scenario, every stage's output and the result. */
export interface PipelineRun {
  scenario: Scenario;
  stages: StageOutputs;
  result: RunResult;
  /** The first stage this run computed (earlier ones were reused from the previous run). */
  ranFrom: StageName;
}

/**
 * Runs `scenario`. With `previous` (a run of another version of it), reruns from the first stage whose inputs
 * changed and reuses the stages before it; `from` forces an earlier start; `changedFrom` is
 * `firstStageToRerun(previous.scenario, scenario)` when the caller has computed it already.
 */
export async function runPipeline(
  scenario: Scenario,
  deps: PipelineDeps,
  previous?: PipelineRun,
  from?: StageName,
  changedFrom?: StageName | null,
): Promise<PipelineRun> {
  const start = startStage(scenario, deps, previous, from, changedFrom);
  const at = (stage: StageName) => STAGES.indexOf(stage) >= STAGES.indexOf(start);
  const prev = previous?.stages;
  deps.onProgress?.('load', 0, 1);
  const catalogue = at('catalogue') || !prev ? await catalogueStage(scenario, deps.readText, deps.preloaded) : prev.catalogue;
  const satrecs = catalogue.records.map((r) => r.satrec);
  const stations = at('geometry') || !prev ? scenarioStations(scenario) : prev.geometry.stations;
  let propagator: Promise<GridPropagator> | null = null;
  const getPropagator = () => (propagator ??= (deps.createPropagator ?? ((s) => createOrbitPropagator(s)))(satrecs, { stations }));
  try {
    const geometry =
      at('geometry') || !prev
        ? await geometryStage(scenario, stations, {
            propagator: await getPropagator(),
            landMask: deps.landMask,
            keepOrbitSamples: deps.keepOrbitSamples ?? true,
            onProgress: (d, t) => deps.onProgress?.('propagate', d, t),
          })
        : prev.geometry;
    const schedule = at('schedule') || !prev ? scheduleStage(scenario, catalogue.records, geometry) : prev.schedule;
    const routing =
      at('routing') || !prev
        ? await routingStage(scenario, catalogue.records, geometry, schedule, getPropagator, (d, t) => deps.onProgress?.('route', d, t))
        : prev.routing;
    const processing =
      at('processing') || !prev
        ? await processingStage(scenario, catalogue.records, geometry, schedule, routing, {
            recordTimeline: deps.recordTimeline,
            onProgress: (d, t) => deps.onProgress?.('simulate', d, t),
          })
        : prev.processing;
    const pricing = at('pricing') || !prev ? pricingStage(scenario, processing.modes) : prev.pricing;
    const stages: StageOutputs = { catalogue, geometry, schedule, routing, processing, pricing };
    // From pricing on, only the summary (and the scenario it labels) can differ from the previous result.
    const result = previous && !at('processing') ? { ...previous.result, scenario, summary: summaryOf(scenario, stages) } : resultOf(scenario, stages);
    return { scenario, stages, result, ranFrom: start };
  } finally {
    if (propagator)
      await (propagator as Promise<GridPropagator>).then(
        (p) => p.dispose(),
        () => undefined,
      );
  }
}

/** The run's result from its stages' outputs (the summary stage). */
export function resultOf(scenario: Scenario, s: StageOutputs): RunResult {
  return buildRunResult({
    ...summaryInputs(scenario, s),
    satsInSession: s.processing.satsInSession,
    ...(s.processing.timeline ? { timeline: s.processing.timeline } : {}),
  });
}

function summaryOf(scenario: Scenario, s: StageOutputs): RunSummary {
  return buildSummary(summaryInputs(scenario, s));
}

function summaryInputs(scenario: Scenario, s: StageOutputs): SummaryInputs {
  return {
    scenario,
    records: s.catalogue.records,
    issues: s.catalogue.issues,
    issueCounts: s.catalogue.counts,
    geo: s.geometry,
    schedule: s.schedule,
    outcomes: s.processing.modes,
    prices: s.pricing.modes,
  };
}

function startStage(
  scenario: Scenario,
  deps: PipelineDeps,
  previous: PipelineRun | undefined,
  from: StageName | undefined,
  changedFrom: StageName | null | undefined,
): StageName {
  if (!previous) return 'catalogue';
  let start = (changedFrom === undefined ? firstStageToRerun(previous.scenario, scenario) : changedFrom) ?? 'summary';
  // A timeline is recorded by the processing stage: asking for one the previous run did not keep reruns it.
  if (deps.recordTimeline && !previous.stages.processing.timeline && STAGES.indexOf(start) > STAGES.indexOf('processing')) start = 'processing';
  // Likewise the positions kept for exports are made by the geometry stage.
  if (deps.keepOrbitSamples !== false && !previous.stages.geometry.orbitSamples && STAGES.indexOf(start) > STAGES.indexOf('geometry')) start = 'geometry';
  if (from && STAGES.indexOf(from) < STAGES.indexOf(start)) start = from;
  return start;
}
