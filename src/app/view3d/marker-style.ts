// How satellites and ground markers look: colour (Okabe–Ito colour-blind-safe palette) plus a second cue
// (shape, size) per state, and the GLSL that draws the shapes. Pure data; must not import three or React.
import { SAT_STATE_NAMES } from '../../sim/engine/timeline.ts';

/** Point shapes drawn in the fragment shader (`shapeMask` below). */
export const Shape = {
  disc: 0,
  ring: 1,
  square: 2,
  diamond: 3,
  cross: 4,
  triangle: 5,
  squareFrame: 6,
  diamondFrame: 7,
} as const;
export type ShapeCode = (typeof Shape)[keyof typeof Shape];

export interface MarkerStyle {
  /** Label for legends. */
  label: string;
  /** sRGB hex colour. */
  color: string;
  shape: ShapeCode;
  /** Point size relative to the base satellite size. */
  sizeScale: number;
}

/**
 * Satellite styles by state code (SatState in src/sim/engine/timeline.ts). Colours from Okabe & Ito (2008),
 * "Color Universal Design", distinguishable with the common colour-vision deficiencies; idle and eclipse
 * use greys. Every state also has its own shape or size, so colour is never the only cue.
 */
export const SAT_STATE_STYLES: readonly MarkerStyle[] = [
  { label: 'idle', color: '#d0d0d0', shape: Shape.disc, sizeScale: 1 },
  { label: 'imaging', color: '#56b4e9', shape: Shape.diamond, sizeScale: 1.2 },
  { label: 'computing', color: '#e69f00', shape: Shape.square, sizeScale: 1 },
  { label: 'downlinking', color: '#f0e442', shape: Shape.ring, sizeScale: 1.35 },
  { label: 'eclipse', color: '#7a8796', shape: Shape.disc, sizeScale: 0.7 },
  { label: 'lost', color: '#d55e00', shape: Shape.cross, sizeScale: 1 },
];

/** Ground markers: stations, and hub clusters by region ("Eastern Data, Western Computing"). */
export const GROUND_STYLES = {
  station: { label: 'ground station', color: '#ffffff', shape: Shape.triangle, sizeScale: 1.6 },
  hubEast: { label: 'east hub cluster', color: '#cc79a7', shape: Shape.squareFrame, sizeScale: 1.6 },
  hubWest: { label: 'west hub cluster', color: '#009e73', shape: Shape.diamondFrame, sizeScale: 1.6 },
} as const satisfies Record<string, MarkerStyle>;

/** Colour of live downlink lines (the downlinking state's colour). */
export const DOWNLINK_LINE_COLOR = SAT_STATE_STYLES[3]!.color;

/**
 * Inter-satellite links: a pale cyan (lighter than the Okabe–Ito sky blue of imaging, so it shows on the ocean), drawn dashed and semi-transparent (isl-
 * layer.ts), so they differ from
 * the solid yellow downlinks by colour, pattern and brightness.
 */
export const ISL_LINE_COLOR = '#8fe3ff';

/**
 * The selected satellite's route to the ground: bright magenta, solid and 3 px wide (route-layer.ts), unlike any
 * state colour; it differs from the yellow downlinks and the blue links in lightness too (assumption: readable
 * with the common colour-vision deficiencies).
 */
export const ROUTE_LINE_COLOR = '#ff4fd8';

/** sRGB hex → [r, g, b] in 0–1 (no colour-space conversion: the shaders output sRGB directly). */
export function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

function vec3Of(hex: string): string {
  return `vec3(${hexToRgb(hex)
    .map((c) => c.toFixed(4))
    .join(', ')})`;
}

/** GLSL constant arrays of the satellite state styles, indexed by state code. */
export function stateStyleGlsl(): string {
  if (SAT_STATE_STYLES.length !== SAT_STATE_NAMES.length) throw new Error('marker-style: one style per SatState');
  const n = SAT_STATE_STYLES.length;
  return [
    `const int STATE_COUNT = ${n};`,
    `const vec3 STATE_COLOR[${n}] = vec3[${n}](${SAT_STATE_STYLES.map((s) => vec3Of(s.color)).join(', ')});`,
    `const float STATE_SHAPE[${n}] = float[${n}](${SAT_STATE_STYLES.map((s) => s.shape.toFixed(1)).join(', ')});`,
    `const float STATE_SIZE[${n}] = float[${n}](${SAT_STATE_STYLES.map((s) => s.sizeScale.toFixed(3)).join(', ')});`,
  ].join('\n');
}

/**
 * GLSL: 1 inside shape `shape` at point p ∈ [−1, 1]² (y up), else 0. Shapes are scaled so each fills a
 * similar area; frames and the ring leave a hole so they read as different from the filled shapes.
 */
export const SHAPE_GLSL = /* glsl */ `
float shapeMask(float shape, vec2 p) {
  float r = length(p);
  float ax = abs(p.x), ay = abs(p.y);
  int s = int(shape + 0.5);
  if (s == 0) return step(r, 0.8);
  if (s == 1) return step(r, 0.95) * step(0.55, r);
  if (s == 2) return step(max(ax, ay), 0.7);
  if (s == 3) return step(ax + ay, 0.95);
  if (s == 4) return step(min(abs(p.x - p.y), abs(p.x + p.y)), 0.32) * step(max(ax, ay), 0.8);
  if (s == 5) return step(-0.6, p.y) * step(ax * 1.6 + p.y, 0.9);
  if (s == 6) return step(max(ax, ay), 0.85) * step(0.5, max(ax, ay));
  if (s == 7) return step(ax + ay, 1.0) * step(0.6, ax + ay);
  return 0.0;
}
`;
