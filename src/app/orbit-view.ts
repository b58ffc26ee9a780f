// The orbit view's workers: at most one pool open — the pool of the orbit view shown, or being opened — and the
// names and search it answers. Opening a view closes the previous pool first (10⁶ satellites: the new one needs its
// memory). Imports no React or three.
import type { SliceMatch } from '../sim/api/orbit-slice.ts';
import type { ScenarioInput } from '../sim/scenario/schema.ts';
import { openOrbitPool, type OpenPoolResult, type OrbitPool } from './orbit-pool.ts';

/** Opens a pool; `onRestart` is told when one of its workers died and was replaced (orbit-pool.ts). */
export type OpenPool = (
  viewId: number,
  scenario: ScenarioInput,
  files?: Record<string, string>,
  onRestart?: (part: number, reason: string) => void,
) => Promise<OpenPoolResult>;

export interface OrbitViews {
  /**
   * Closes the open pool, then opens view `viewId` on new workers. Null (nothing left open) when `stillWanted()`
   * is false once the workers answered (a newer request superseded it).
   */
  open(
    viewId: number,
    scenario: ScenarioInput,
    files: Record<string, string> | undefined,
    stillWanted: () => boolean,
    onRestart?: (part: number, reason: string) => void,
  ): Promise<OpenPoolResult | null>;
  /** Name and NORAD number of satellite `index` of the open view (null without one). */
  describe(index: number): Promise<{ name: string; norad: number } | null>;
  /** The best `limit` matches in the open view (empty without one). */
  search(query: string, limit: number): Promise<SliceMatch[]>;
  /** Terminates the open pool's workers. */
  close(): void;
}

export function createOrbitViews(openPool: OpenPool = (id, sc, f, onRestart) => openOrbitPool(id, sc, f, onRestart ? { onRestart } : {})): OrbitViews {
  let pool: OrbitPool | null = null;
  const close = () => {
    pool?.dispose();
    pool = null;
  };
  return {
    async open(viewId, scenario, files, stillWanted, onRestart) {
      close();
      const opened = await openPool(viewId, scenario, files, onRestart);
      if (!stillWanted()) {
        if (opened.ok) opened.pool.dispose();
        return null;
      }
      if (opened.ok) pool = opened.pool;
      return opened;
    },
    describe: async (index) => (pool ? pool.describe(index) : null),
    search: async (query, limit) => (pool ? pool.search(query, limit) : []),
    close,
  };
}
