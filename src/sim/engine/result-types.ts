// The outcome of a run: summary per mode, time series, contact windows, sessions and ingestion issues.
// Serialisable (exporters turn typed arrays into plain arrays). Pure types.
import type { IngestIssue } from '../catalog/types.ts';
import type { ContactWindow } from '../links/contacts.ts';
import type { RunTimeline } from './timeline.ts';
import type { OrbitSamples } from './geometry-pass.ts';
import type { CostBreakdownUsd } from '../cost/cost-model.ts';
import type { ClusterUtilisation, GpuPricing } from '../cost/gpu-pricing.ts';
import type { ModeRevenue } from '../cost/revenue.ts';
import type { ProcessingMode, Scenario } from '../scenario/schema.ts';
import type { DownlinkService, FairnessSummary } from './fairness.ts';

/** Version of the run export format (JSON); bump on breaking changes. */
export const RUN_EXPORT_SCHEMA_VERSION = 1;
/** Engine version written into every export. */
export const ENGINE_VERSION = '0.1.0';

/**
 * Capture-to-insight latency over every captured tile, s: Kaplan–Meier percentiles with the tiles unresolved at the
 * end censored there (metrics/kaplan-meier.ts). A percentile the run never reaches is null with `censored` true.
 */
export interface LatencySummaryS {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  censored: { p50: boolean; p90: boolean; p99: boolean };
  /**
   * The longest latency the run can estimate, s: 10 % of the captured tiles were captured at least this long before
   * its end (metrics/kaplan-meier.ts MIN_FOLLOWED_SHARE). A censored percentile is longer than this.
   */
  horizonS: number;
}

/** Latency over the delivered tiles only, s: the lucky ones when few get through (kept under its own name). */
export interface DeliveredLatencyS {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  mean: number | null;
}

/** Estimated share of captured tiles whose insight arrived (or that the filter resolved) within each horizon. */
export interface DeliveredWithinShare {
  within5min: number;
  within1h: number;
  within6h: number;
  within24h: number;
  /** The horizon is past what the run can estimate (latencyS.horizonS): the share is a lower bound. */
  censored: { within5min: boolean; within1h: boolean; within6h: boolean; within24h: boolean };
}

/** Raw (captured) bytes by fate; captured = processedOnboard + downlinked + stored + dropped. */
export interface ByteConservation {
  capturedBytes: number;
  processedOnboardBytes: number;
  downlinkedRawBytes: number;
  storedBytes: number;
  droppedBytes: number;
  /** captured − (processed + downlinked + stored + dropped); 0 up to rounding. */
  residualBytes: number;
}

export interface ModeSummary {
  mode: ProcessingMode;
  /** Capture-to-insight latency over every captured tile (Kaplan–Meier, censored at the end), s. */
  latencyS: LatencySummaryS;
  /** The same over the delivered tiles only, s. */
  latencyDeliveredS: DeliveredLatencyS;
  /** Share of captured tiles resolved within 5 min, 1 h, 6 h, 24 h (the decision metric). */
  deliveredWithinShare: DeliveredWithinShare;
  /** Share of captured tiles whose insight was delivered (or that the onboard filter resolved) by the end. */
  deliveredTileFraction: number;
  bytesCaptured: number;
  /** All bytes sent over the downlink: raw + results. */
  bytesDownlinked: number;
  bytesDownlinkedRaw: number;
  bytesDownlinkedResults: number;
  /** 1 − bytes queued for downlink / raw bytes decided onboard (ground = 0). See docs/model.md §Metrics. */
  bandwidthSavedFraction: number;
  bytesDropped: number;
  bytesDroppedByReason: { storageFull: number; satelliteLost: number };
  bytesProcessedOnboard: number;
  /** Bytes still onboard at the end (raw + results). */
  backlogBytesEnd: number;
  backlogBytesMax: number;
  conservation: ByteConservation;
  tilesCaptured: number;
  tilesDelivered: number;
  clearTilesDelivered: number;
  /** High-value (clear) tiles the hybrid filter wrongly discarded. */
  clearTilesDiscardedByFilter: number;
  /** 8B-model tokens inferred, in orbit + on the ground. */
  tokensProcessed: number;
  tokensOnboard: number;
  tokensGround: number;
  gpuHours: number;
  stationMinutesBilled: number;
  /** Bytes relayed over inter-satellite links to a satellite in contact. */
  bytesRelayedOverIsl: number;
  /** Σ bytes × hops over inter-satellite links (link load). */
  islByteHops: number;
  energyJ: { onboardAccelerator: number; groundGpuWithPue: number; total: number };
  /** $ per million tokens processed; null when no tokens were processed. */
  costUsdPerMTok: number | null;
  costUsd: CostBreakdownUsd;
  /**
   * Busy GPU-seconds / GPU-seconds of the hubs' GPUs over the run, overall and per cluster (null without GPUs): what
   * a reserved lease pays for. Above 1 when work queued in the run needs more than the run's GPU-seconds. Absent in
   * exports made before it existed.
   */
  clusterUtilisation?: ClusterUtilisation;
  /** Revenue and margin at the scenario's sale price (`economics.saleUsdPerMTok`); absent without one. */
  revenue?: ModeRevenue;
  /**
   * Electricity $ per million tokens inferred on the ground (costUsd.electricityUsd / tokensGround); null without
   * ground tokens. Absent in exports made before it existed.
   */
  electricityUsdPerMTok?: number | null;
}

export interface RunSummary {
  scenarioName: string;
  seed: number;
  epochIso: string;
  durationH: number;
  stepS: number;
  satellites: { loaded: number; quarantined: number; lost: number; warnings: number };
  contacts: { windows: number; sessions: number; deniedWindows: number; contactHours: number; sessionHours: number };
  imaging: { sunlitFraction: number; imagingFraction: number };
  modes: Partial<Record<ProcessingMode, ModeSummary>>;
  /** Who got the antennas (fairness.ts); absent in exports made before it existed. */
  fairness?: FairnessSummary;
  /** How the hub GPUs were paid for (`gpu.pricing`); absent in exports made before it existed. */
  gpuPricing?: GpuPricing;
}

export interface SatelliteInfo {
  norad: number;
  name: string;
  cosparId?: string;
  /** Time the satellite was lost (SGP4 error or non-finite state), null if never. */
  lostAtMs: number | null;
  lostReason: string | null;
  /** Mean altitude over the run, km. */
  meanAltitudeKm: number;
  /** Its downlink sessions, minutes and bytes per mode (fairness.ts); absent in exports made before it existed. */
  downlink?: DownlinkService;
}

/** A contact window (satellite × station above the mask), as the contact finder reports it. */
export type ContactRecord = ContactWindow;

export interface SessionRecord {
  satIndex: number;
  stationIndex: number;
  startMs: number;
  endMs: number;
}

/** Per-step series for one mode, each `[k]` for step k (value at the end of the step). */
export interface ModeSeries {
  backlogBytes: Float64Array;
  groundQueueTokens: Float64Array;
  capturedBytesCum: Float64Array;
  downlinkedBytesCum: Float64Array;
  droppedBytesCum: Float64Array;
  tokensOnboardCum: Float64Array;
  tokensGroundCum: Float64Array;
  tilesDeliveredCum: Float64Array;
  meanBatterySoc: Float64Array;
}

export interface RunSeries {
  /** Step end times, ms since Unix epoch: `[k]`. */
  timesMs: Float64Array;
  satsSunlit: Float64Array;
  satsImaging: Float64Array;
  satsInSession: Float64Array;
  satsLost: Float64Array;
  modes: Partial<Record<ProcessingMode, ModeSeries>>;
}

export interface RunResult {
  schemaVersion: number;
  engineVersion: string;
  scenario: Scenario;
  satellites: SatelliteInfo[];
  ingestIssues: IngestIssue[];
  contacts: ContactRecord[];
  sessions: SessionRecord[];
  series: RunSeries;
  summary: RunSummary;
  /** Per satellite-step states, when the run was asked to record them (browser view); not exported. */
  timeline?: RunTimeline;
  /** Positions on a coarse grid of the run, for the CZML export (geometry-stage.ts); not in the JSON export. */
  orbitSamples?: OrbitSamples;
}
