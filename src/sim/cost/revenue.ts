// Revenue and margin of an operator who sells the tokens it infers at a price per million tokens: the number behind
// "pricing power moves to the compute layer" (docs/default-run.md). Pure math; imports nothing.

/** Revenue and margin of one mode (`summary.modes[mode].revenue`), present when the scenario gives a sale price. */
export interface ModeRevenue {
  /** The sale price, $ per million tokens (`economics.saleUsdPerMTok`). */
  saleUsdPerMTok: number;
  /** Tokens processed (in orbit + on the ground) / 10⁶ × the sale price, $. */
  revenueUsd: number;
  /** revenueUsd − costUsd.totalUsd, $ (negative: a loss). */
  marginUsd: number;
  /** saleUsdPerMTok − costUsdPerMTok; null when no tokens were processed. */
  marginUsdPerMTok: number | null;
}

export function modeRevenue(saleUsdPerMTok: number, tokens: number, totalCostUsd: number): ModeRevenue {
  const revenueUsd = (tokens / 1e6) * saleUsdPerMTok;
  return {
    saleUsdPerMTok,
    revenueUsd,
    marginUsd: revenueUsd - totalCostUsd,
    marginUsdPerMTok: tokens > 0 ? saleUsdPerMTok - totalCostUsd / (tokens / 1e6) : null,
  };
}
