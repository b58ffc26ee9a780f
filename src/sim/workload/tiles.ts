// Image strips → square tiles → vision-language-model tokens and bytes; seeded cloudy/clear split.
// Pure: imports only the seeded RNG (src/sim/rng.ts); no Node or DOM APIs.
import { binomial, type Rng } from '../rng.ts';

/** How a tile becomes model tokens. */
export interface TileTokenParams {
  /** Tile side, pixels. */
  readonly tilePx: number;
  /**
   * Image pixels per visual token along one side. Qwen2-VL: 14-px ViT patches merged 2×2 → 28 px
   * (Wang et al., arXiv 2409.12191). Assumption: the onboard 8B remote-sensing model tokenises alike.
   */
  readonly pixelsPerTokenSide: number;
  /** Text prompt tokens sent with each tile (instruction), tokens. */
  readonly promptTokensPerTile: number;
  /** Tokens generated per tile (answer), tokens. */
  readonly outputTokensPerTile: number;
}

/**
 * Defaults. tilePx 448 = 16 × 28 → 256 visual tokens (assumption: a common VLM input size);
 * 28 px per token side (Qwen2-VL, arXiv 2409.12191); prompt 64 and output 32 tokens per tile
 * (assumption: a short detection instruction and a short structured answer).
 */
export const DEFAULT_TILE_TOKENS: TileTokenParams = {
  tilePx: 448,
  pixelsPerTokenSide: 28,
  promptTokensPerTile: 64,
  outputTokensPerTile: 32,
};

/** Tokens for one tile, split by phase (prefill vs decode). */
export interface TileTokens {
  /** Visual tokens: ceil(tilePx / pixelsPerTokenSide)². */
  readonly imageTokens: number;
  /** Prefill tokens: image + prompt. */
  readonly inputTokens: number;
  /** Decode tokens. */
  readonly outputTokens: number;
  /** inputTokens + outputTokens. */
  readonly totalTokens: number;
}

/** tokensPerTile = ceil(tilePx / pixelsPerTokenSide)² + prompt + output tokens. */
export function tokensPerTile(params: TileTokenParams = DEFAULT_TILE_TOKENS): TileTokens {
  const side = params.pixelsPerTokenSide > 0 ? Math.ceil(params.tilePx / params.pixelsPerTokenSide) : 0;
  const imageTokens = side * side;
  const inputTokens = imageTokens + params.promptTokensPerTile;
  const outputTokens = params.outputTokensPerTile;
  return { imageTokens, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

/** Tile grid covering an image. */
export interface TileGrid {
  /** Tiles across the image width. */
  readonly tilesAcross: number;
  /** Tiles along the image height. */
  readonly tilesAlong: number;
  /** tilesAcross × tilesAlong. */
  readonly tileCount: number;
}

/**
 * Tiles of tilePx × tilePx covering a widthPx × heightPx image; partial tiles at the edges count as
 * whole tiles (padded), so the grid is ceil(width/tile) × ceil(height/tile). Invalid input → 0 tiles.
 */
export function tilesFromPixels(widthPx: number, heightPx: number, tilePx: number): TileGrid {
  if (!(tilePx > 0) || !(widthPx > 0) || !(heightPx > 0)) return { tilesAcross: 0, tilesAlong: 0, tileCount: 0 };
  const tilesAcross = Math.ceil(widthPx / tilePx);
  const tilesAlong = Math.ceil(heightPx / tilePx);
  return { tilesAcross, tilesAlong, tileCount: tilesAcross * tilesAlong };
}

/** Pixel encoding of a tile, for its size in bytes. */
export interface TileEncoding {
  /** Spectral bands per pixel. */
  readonly bands: number;
  /** Bits per sample. */
  readonly bitsPerSample: number;
  /** Compression ratio (1 = raw). */
  readonly compressionRatio: number;
}

/** Bytes of one tile: tilePx² × bands × bitsPerSample / 8 / compressionRatio. */
export function bytesPerTile(tilePx: number, encoding: TileEncoding): number {
  if (!(encoding.compressionRatio > 0)) return 0;
  return (tilePx * tilePx * encoding.bands * encoding.bitsPerSample) / 8 / encoding.compressionRatio;
}

/** Share of low-value (cloudy) tiles: 52% in Kodan's Sentinel data (Kodan, ASPLOS 2023; docs/sources.md#onboard-processing). */
export const KODAN_CLOUDY_SHARE = 0.52;
/** Alternative: Earth's average cloud cover ≈ 65% (AIKO; docs/sources.md#onboard-processing). */
export const EARTH_MEAN_CLOUD_COVER = 0.65;

/** Outcome of one capture batch. */
export interface CloudSplit {
  /** Low-value tiles a filter may drop. */
  readonly cloudyTiles: number;
  /** Tiles worth analysing or downlinking. */
  readonly clearTiles: number;
}

/**
 * Splits a batch of `tileCount` tiles into cloudy and clear with a binomial draw from `rng` (each
 * tile cloudy with probability `cloudyShare`, independently: an assumption, real clouds are spatially
 * correlated). Deterministic for a given stream; cloudyTiles + clearTiles = tileCount.
 */
export function splitCloudyTiles(tileCount: number, rng: Rng, cloudyShare = KODAN_CLOUDY_SHARE): CloudSplit {
  const n = Math.max(0, Math.floor(tileCount));
  const cloudyTiles = binomial(rng, n, cloudyShare);
  return { cloudyTiles, clearTiles: n - cloudyTiles };
}
