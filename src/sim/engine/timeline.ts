// Per satellite-step record of what each satellite is doing in each mode, for the browser view
// (colour by state) and the inspector (storage). Step-major so a step is one contiguous row. Pure.

/** What a satellite is doing during a step; the first that applies wins, in this order. */
export const SatState = {
  idle: 0,
  imaging: 1,
  computing: 2,
  downlinking: 3,
  eclipse: 4,
  lost: 5,
} as const;
export type SatStateCode = (typeof SatState)[keyof typeof SatState];
export const SAT_STATE_NAMES = ['idle', 'imaging', 'computing', 'downlinking', 'eclipse', 'lost'] as const;

/** One mode's timeline. */
export interface ModeTimeline {
  /** State code per satellite-step: `[k * satCount + s]`. */
  state: Uint8Array;
  /** Bytes stored onboard at the end of the step: `[k * satCount + s]`. */
  storedBytes: Float32Array;
  /** Accelerator load fraction during the step, 0–1: `[k * satCount + s]`. */
  computeLoad: Float32Array;
  /** Battery state of charge at the end of the step, 0–1: `[k * satCount + s]`. */
  batterySoc: Float32Array;
}

export interface RunTimeline {
  stepCount: number;
  satCount: number;
  /** Shadow fraction at the start of each step: `[k * satCount + s]` (0 lit … 1 umbra; NaN when lost). */
  shadow: Float32Array;
  modes: Record<string, ModeTimeline>;
}

export function allocateTimeline(stepCount: number, satCount: number, modes: readonly string[]): RunTimeline {
  const n = stepCount * satCount;
  return {
    stepCount,
    satCount,
    shadow: new Float32Array(n),
    modes: Object.fromEntries(
      modes.map((m) => [m, { state: new Uint8Array(n), storedBytes: new Float32Array(n), computeLoad: new Float32Array(n), batterySoc: new Float32Array(n) }]),
    ),
  };
}

/** The state of one satellite-step from what happened in it. */
export function stateOf(lost: boolean, sentBytes: number, load: number, captured: boolean, shadow: number): SatStateCode {
  if (lost) return SatState.lost;
  if (sentBytes > 0) return SatState.downlinking;
  if (load > 0) return SatState.computing;
  if (captured) return SatState.imaging;
  if (shadow >= 0.5) return SatState.eclipse;
  return SatState.idle;
}
