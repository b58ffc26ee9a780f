// Labels, hints, display order and colours of the processing modes, shared by every panel. Pure.
import type { ProcessingMode } from '../../sim/scenario/schema.ts';

export const MODE_LABELS: Record<ProcessingMode, string> = { onboard: 'Onboard', ground: 'Ground', hybrid: 'Hybrid' };

export const MODE_HINTS: Record<ProcessingMode, string> = {
  onboard: 'infer in orbit, downlink results only',
  ground: 'bent pipe: downlink raw data, infer at the national hubs',
  hybrid: 'filter low-value tiles in orbit, infer the rest where it is cheaper',
};

/** Display order (the schema lists ground first). */
export const MODE_ORDER: readonly ProcessingMode[] = ['onboard', 'ground', 'hybrid'];

/** Line colours of the charts (same hues as the CSS variables --onboard, --ground, --hybrid). */
export const MODE_COLORS: Record<ProcessingMode, string> = { onboard: '#4fc3f7', ground: '#ffb74d', hybrid: '#9ccc65' };
