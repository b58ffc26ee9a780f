// Onboard inference capacity and the power budget that limits it (solar, battery, eclipse).
// Pure math; no imports beyond types.

export interface OnboardComputeParams {
  /** Peak INT8 throughput, TOPS. */
  topsInt8: number;
  /** Achieved fraction of peak. */
  utilisation: number;
  /** Accelerator efficiency at full load, TOPS per watt. */
  topsPerW: number;
  /** Idle draw as a fraction of full power. */
  idleFraction: number;
}

/** Tokens per second at full power: TOPS · utilisation / (params · ops per param per token). */
export function onboardTokensPerS(c: OnboardComputeParams, paramsBillion: number, opsPerParamPerToken: number): number {
  return (c.topsInt8 * 1e12 * c.utilisation) / (paramsBillion * 1e9 * opsPerParamPerToken);
}

/** Accelerator power at full load, W: TOPS / (TOPS/W). */
export function acceleratorPowerW(c: OnboardComputeParams): number {
  return c.topsInt8 / c.topsPerW;
}

export interface PowerParams {
  solarArrayW: number;
  batteryWh: number;
  busLoadW: number;
  minSocFraction: number;
}

export interface PowerStepResult {
  /** Fraction of full accelerator load actually run during the step, in [0, demandFraction]. */
  loadFraction: number;
  /** Battery energy at the end of the step, Wh. */
  socWh: number;
  /** Energy the accelerator drew during the step, J (idle + load). */
  acceleratorJ: number;
  /** True when the bus alone drew the battery below the floor (no compute possible). */
  deficit: boolean;
}

/**
 * One step of the energy balance. Solar input = solarArrayW · (1 − shadowFraction). The accelerator runs at the
 * largest load fraction ≤ demandFraction that keeps the battery at or above minSocFraction · batteryWh at the
 * end of the step; the bus and the accelerator's idle draw always run. The battery is clipped at capacity.
 * `acceleratorOn` = false (ground mode: no onboard inference) leaves the accelerator off (no idle draw).
 */
export function powerStep(
  p: PowerParams,
  acceleratorFullW: number,
  idleFraction: number,
  socWh: number,
  shadowFraction: number,
  dtS: number,
  demandFraction: number,
  acceleratorOn: boolean,
): PowerStepResult {
  const solarW = p.solarArrayW * (1 - shadowFraction);
  const idleW = acceleratorOn ? acceleratorFullW * idleFraction : 0;
  const baseW = p.busLoadW + idleW;
  const floorWh = p.minSocFraction * p.batteryWh;
  const dynW = acceleratorFullW * (1 - idleFraction);
  const hours = dtS / 3600;
  // Largest load f with socWh + (solar − base − f·dyn)·h ≥ floor.
  const headroomW = (socWh - floorWh) / hours + solarW - baseW;
  const fMax = acceleratorOn && dynW > 0 ? headroomW / dynW : 0;
  const loadFraction = Math.max(0, Math.min(demandFraction, fMax, 1));
  const netW = solarW - baseW - loadFraction * dynW;
  const end = Math.min(p.batteryWh, Math.max(0, socWh + netW * hours));
  return {
    loadFraction,
    socWh: end,
    acceleratorJ: (idleW + loadFraction * dynW) * dtS,
    deficit: headroomW < 0,
  };
}
