// The Explore view's study in the URL (url-state.ts calls these): `study=sweep&x=PATH:LOW:HIGH:N[&y=PATH:LOW:HIGH:N]
// [&fix=PATH:VALUE,…]` (a model choice by name: `fix=gpu.pricing:reserved`), `study=tornado&metric=costUsdPerMTok`,
// `study=uncertainty&samples=64&scope=processing`. Only the keys of the study's kind are written; a value that does not
// parse falls back to its default. Pure.
import { findChoice, findParam } from '../../sim/study/params.ts';
import { assignmentCell, type Assignment } from '../../sim/study/apply.ts';
import {
  DEFAULT_STUDY,
  EXPLORE_KINDS,
  MAX_AXIS_POINTS,
  MAX_SAMPLES,
  MAX_SERIES,
  TORNADO_METRICS,
  UNCERTAINTY_SCOPES,
  type ExploreAxis,
  type ExploreKind,
  type ExploreStudy,
  type TornadoMetric,
  type UncertaintyScope,
} from './explore-study.ts';

const finite = (text: string | undefined) => (text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null);

/** `PATH:LOW:HIGH:N` of a registry parameter with LOW < HIGH and 1 ≤ N ≤ maxN, else null. */
function parseAxis(text: string | null, maxN: number): ExploreAxis | null {
  if (text === null) return null;
  const [path, lo, hi, n] = text.split(':');
  const low = finite(lo);
  const high = finite(hi);
  const count = finite(n);
  if (!path || !findParam(path) || low === null || high === null || !(low < high) || count === null) return null;
  if (!Number.isInteger(count) || count < 1 || count > maxN) return null;
  return { path, low, high, n: count };
}

/** `PATH:VALUE,…` of registry parameters, a model choice by name (later ones of the same path win). */
function parseFixed(text: string | null): Assignment[] {
  const out = new Map<string, number>();
  for (const item of (text ?? '').split(',')) {
    const [path, v] = item.split(':');
    if (!path) continue;
    const choice = findChoice(path);
    const index = choice?.choices.indexOf(v ?? '') ?? -1;
    const value = choice ? (index >= 0 ? index : null) : findParam(path) ? finite(v) : null;
    if (value !== null) out.set(path, value);
  }
  return [...out].map(([path, value]) => ({ path, value }));
}

/** The study of a query string, or null without a (known) `study` key. */
export function parseExplore(q: URLSearchParams): ExploreStudy | null {
  const kind = q.get('study');
  if (!(EXPLORE_KINDS as readonly string[]).includes(kind ?? '')) return null;
  const metric = q.get('metric');
  const scope = q.get('scope');
  const samples = finite(q.get('samples') ?? undefined);
  return {
    kind: kind as ExploreKind,
    x: parseAxis(q.get('x'), MAX_AXIS_POINTS) ?? DEFAULT_STUDY.x,
    y: parseAxis(q.get('y'), MAX_SERIES),
    fixed: parseFixed(q.get('fix')),
    metric: (TORNADO_METRICS as readonly string[]).includes(metric ?? '') ? (metric as TornadoMetric) : DEFAULT_STUDY.metric,
    samples: samples !== null && Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES ? samples : DEFAULT_STUDY.samples,
    scope: (UNCERTAINTY_SCOPES as readonly string[]).includes(scope ?? '') ? (scope as UncertaintyScope) : DEFAULT_STUDY.scope,
  };
}

const axisText = (a: ExploreAxis) => `${a.path}:${a.low}:${a.high}:${a.n}`;

/** Writes the keys of `s`'s kind into `q`, in a fixed order. */
export function encodeExplore(s: ExploreStudy, q: URLSearchParams): void {
  q.set('study', s.kind);
  if (s.kind === 'sweep') {
    q.set('x', axisText(s.x));
    if (s.y) q.set('y', axisText(s.y));
    if (s.fixed.length) q.set('fix', s.fixed.map((f) => `${f.path}:${assignmentCell(f)}`).join(','));
  } else if (s.kind === 'tornado') q.set('metric', s.metric);
  else {
    q.set('samples', String(s.samples));
    q.set('scope', s.scope);
  }
}
