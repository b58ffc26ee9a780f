// Maps the scenario's downlink block to the link-budget model's parameters. Pure.
import { smadSystemNoiseTempK, SMAD_RX_LINE_LOSS_FACTOR, type LinkBudgetParams } from '../links/link-budget.ts';
import type { Scenario } from '../scenario/schema.ts';

const dbToFactor = (db: number) => Math.pow(10, db / 10);

export function downlinkParams(scenario: Scenario): LinkBudgetParams {
  const d = scenario.satellite.downlink;
  if (d.kind === 'fixed') return { kind: 'fixed', rateBps: d.rateMbps * 1e6 };
  return {
    kind: 'shannon',
    txPowerW: d.txPowerW,
    lineLossFactor: Math.min(1, dbToFactor(d.txLineLossDb)),
    txGainDbi: d.txGainDbi,
    rxGainDbi: d.rxGainDbi,
    frequencyHz: d.frequencyHz,
    bandwidthHz: d.bandwidthHz,
    atmLossFactor: Math.min(1, dbToFactor(d.atmLossDb)),
    systemNoiseTempK: smadSystemNoiseTempK({ antennaTempK: d.rxAntennaTempK, noiseFigureDb: d.rxNoiseFigureDb, rxLineLossFactor: SMAD_RX_LINE_LOSS_FACTOR }),
    ...(d.maxRateMbps > 0 ? { maxRateBps: d.maxRateMbps * 1e6 } : {}),
  };
}
