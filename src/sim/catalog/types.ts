// Shared types of catalogue ingestion: the records the engine propagates and the issues
// reported at the edge. Pure types; imports only satellite.js types.
import type { SatRec } from 'satellite.js';

/** Where an element set came from, for messages and exports. */
export type CatalogFormat = 'tle' | 'omm-json' | 'omm-csv' | 'walker';

/** One satellite ready to propagate. */
export interface CatalogRecord {
  /** NORAD catalogue number (Alpha-5 decoded to an integer), or a synthetic id for Walker satellites. */
  norad: number;
  name: string;
  /** International designator (COSPAR id) when known, e.g. "2025-100A". */
  cosparId?: string;
  /** Element-set epoch, ms since Unix epoch (UTC). */
  epochMs: number;
  satrec: SatRec;
  format: CatalogFormat;
  /** The source's label for messages (file name or preset). */
  source: string;
  /** 1-based line (TLE, OMM CSV) or array index (OMM JSON) where the item starts. */
  line?: number;
  /**
   * Place in a Walker shell: set by generateWalker, or inferred from the elements of a TLE/OMM catalogue that form a
   * shell unambiguously (shell-inference.ts); absent otherwise.
   */
  walker?: WalkerSlot;
}

/** Where a satellite sits in its Walker shell i:T/P/F (used by the +Grid ISL topology). */
export interface WalkerSlot {
  /** Shell id: the shell's first NORAD number (generated) or its smallest (inferred); unique, since NORAD numbers are. */
  shell: number;
  pattern: 'delta' | 'star';
  /** Number of planes P. */
  planes: number;
  /** Satellites per plane S. */
  satsPerPlane: number;
  /** Walker phasing F in [0, P−1]. */
  phasing: number;
  /** 0-based plane index p in [0, P−1]. */
  plane: number;
  /** 0-based slot index s in [0, S−1] within the plane. */
  slot: number;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found at the edge. Errors quarantine the item; warnings keep it. */
export interface IngestIssue {
  severity: IssueSeverity;
  /** Machine-readable kind, e.g. 'checksum', 'line-length', 'epoch-age'. */
  code: string;
  /** Human-readable, names the item and the field: `three-body.tle line 4 col 69: checksum is 3, expected 1 (NORAD 63983)`. */
  message: string;
  source: string;
  line?: number;
  column?: number;
  field?: string;
  /** The item's name or NORAD id when it could be read. */
  item?: string;
}

export interface IngestResult {
  records: CatalogRecord[];
  issues: IngestIssue[];
}
