// Price paths: the factor of a dated price index at a time, its mean over a window, and the factors the pricing
// stage applies (GPU rent and per-token price over the run's dates, electricity at each hour of use, launch price at the
// launch date).
// Linear in time between points; outside them the end value compounded by `annualChange` per year (0: held). Pure;
// imports only the scenario types and time.ts.
import type { Scenario } from '../scenario/schema.ts';
import type { ElectricityPriceMultiplier } from './electricity-tariff.ts';
import { fullIsoUtc, PRICE_DATE_YEARS, type PricePath } from '../scenario/schema-pricing.ts';
import { parseIsoUtc, runWindow } from '../time.ts';

/** A Julian year, ms (the year of `annualChange`). */
export const YEAR_MS = 365.25 * 86_400_000;

/** Paths are evaluated within the years prices may be dated (PRICE_DATE_YEARS) and held beyond: every factor stays finite. */
const T_MIN_MS = Date.UTC(PRICE_DATE_YEARS[0], 0, 1);
const T_MAX_MS = Date.UTC(PRICE_DATE_YEARS[1] + 1, 0, 1);
const clampT = (tMs: number) => Math.min(T_MAX_MS, Math.max(T_MIN_MS, tMs));

/** A path ready to evaluate: point times (ms, increasing) and factors; `perMs` = ln(1 + annualChange) / YEAR_MS. */
interface CompiledPath {
  t: number[];
  f: number[];
  perMs: number;
}

/** The path's points as times; without points, one point of factor 1 at `refMs` (the run's epoch). */
function compile(path: PricePath, refMs: number): CompiledPath {
  const perMs = Math.log1p(path.annualChange) / YEAR_MS;
  if (path.points.length === 0) return { t: [clampT(refMs)], f: [1], perMs };
  return { t: path.points.map((p) => parseIsoUtc(fullIsoUtc(p.dateIso), 'dateIso')), f: path.points.map((p) => p.factor), perMs };
}

function at(c: CompiledPath, t: number): number {
  const n = c.t.length - 1;
  const tMs = clampT(t);
  if (tMs <= c.t[0]!) return c.f[0]! * Math.exp(c.perMs * (tMs - c.t[0]!));
  if (tMs >= c.t[n]!) return c.f[n]! * Math.exp(c.perMs * (tMs - c.t[n]!));
  let i = 0;
  while (c.t[i + 1]! <= tMs) i++;
  const w = (tMs - c.t[i]!) / (c.t[i + 1]! - c.t[i]!);
  return c.f[i]! + w * (c.f[i + 1]! - c.f[i]!);
}

/** ∫ over [x0, x1] of the compounded end value F·e^{k(t − T)}; exact (expm1 keeps small k precise). */
function tailIntegral(f: number, tEnd: number, perMs: number, x0: number, x1: number): number {
  if (perMs === 0) return f * (x1 - x0);
  return ((f * Math.exp(perMs * (x0 - tEnd))) / perMs) * Math.expm1(perMs * (x1 - x0));
}

/** The factor of `path` at `tMs`; `refMs` anchors a path without points (factor 1 there). */
export function pathFactorAt(path: PricePath, refMs: number, tMs: number): number {
  return at(compile(path, refMs), tMs);
}

/** The time-mean of the factor over [aMs, bMs] (exact: linear pieces and compounded tails); the factor at aMs when b ≤ a. */
export function meanPathFactor(path: PricePath, refMs: number, aMs: number, bMs: number): number {
  const c = compile(path, refMs);
  if (!(bMs > aMs)) return at(c, aMs);
  const n = c.t.length - 1;
  const [a, b] = [Math.max(aMs, T_MIN_MS), Math.min(bMs, T_MAX_MS)];
  // Outside the evaluated years the factor is held: those parts of the window weigh at the bounds' values.
  const below = Math.max(0, Math.min(bMs, T_MIN_MS) - aMs);
  const above = Math.max(0, bMs - Math.max(aMs, T_MAX_MS));
  let integral = below * at(c, T_MIN_MS) + above * at(c, T_MAX_MS);
  const cuts = b > a ? [a, ...c.t.filter((t) => t > a && t < b), b] : [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [x0, x1] = [cuts[i]!, cuts[i + 1]!];
    if (x1 <= c.t[0]!) integral += tailIntegral(c.f[0]!, c.t[0]!, c.perMs, x0, x1);
    else if (x0 >= c.t[n]!) integral += tailIntegral(c.f[n]!, c.t[n]!, c.perMs, x0, x1);
    else integral += ((at(c, x0) + at(c, x1)) / 2) * (x1 - x0); // inside one linear segment: cuts include every point
  }
  return integral / (bMs - aMs);
}

/** The factors the pricing stage applies to the scenario's prices (1 where no path moves them). */
export interface PriceFactors {
  /** Mean over the run of the GPU rent path (`gpu.usdPerHour`). */
  gpuUsdPerHour: number;
  /** Mean over the run of the per-token price path (`gpu.usdPerMTok`). */
  gpuUsdPerMTok: number;
  /** The launch price path at the launch date (`economics.launchDateIso`, default the run's epoch). */
  launchUsdPerKg: number;
}

/**
 * The electricity price path's multiplier of cluster `cluster`'s tariff at simulation time `tMs` (1 = the hub's
 * price as given). The one place the electricity path is evaluated: the time-of-use tariff of the hub at t's local
 * hour is multiplied by this. Today every cluster follows the scenario's one path.
 */
export function electricityPriceFactorAt(scenario: Scenario, cluster: number, tMs: number): number {
  void cluster;
  return pathFactorAt(scenario.pricePaths.electricityUsdPerKWh, parseIsoUtc(scenario.epochIso, 'epochIso'), tMs);
}

/**
 * The electricity path as the pricing stage's multiplier (electricity-tariff.ts gpuElectricityUsd applies it to each
 * hour of GPU use), or undefined when the path is flat at 1 (no points, no annual change): then nothing is multiplied
 * and flat hubs are charged on their totals as before paths existed.
 */
export function electricityMultiplier(scenario: Scenario): ElectricityPriceMultiplier | undefined {
  const path = scenario.pricePaths.electricityUsdPerKWh;
  if (path.points.length === 0 && path.annualChange === 0) return undefined;
  return (cluster, tMs) => electricityPriceFactorAt(scenario, cluster, tMs);
}

/** The factors of a scenario's price paths over its run window and at its launch date. */
export function priceFactors(scenario: Scenario): PriceFactors {
  const { startMs, endMs } = runWindow(scenario);
  const p = scenario.pricePaths;
  const launchMs =
    scenario.economics.launchDateIso === undefined ? startMs : parseIsoUtc(fullIsoUtc(scenario.economics.launchDateIso), 'economics.launchDateIso');
  return {
    gpuUsdPerHour: meanPathFactor(p.gpuUsdPerHour, startMs, startMs, endMs),
    gpuUsdPerMTok: meanPathFactor(p.gpuUsdPerMTok, startMs, startMs, endMs),
    launchUsdPerKg: pathFactorAt(p.launchUsdPerKg, startMs, launchMs),
  };
}
