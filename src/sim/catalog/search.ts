// Satellite search by name or NORAD id, ranked: exact NORAD, NORAD prefix, name prefix, name substring.
// Used by the app's search box, and by the orbit workers over their slices. Pure; imports nothing.

export interface Searchable {
  name: string;
  norad: number;
}

/** Indices of the best `limit` matches for `query` (empty query → none). Ties keep catalogue order. */
export function searchSatellites(sats: readonly Searchable[], query: string, limit = 8): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const digits = /^\d+$/.test(q);
  const ranked: { i: number; rank: number }[] = [];
  for (let i = 0; i < sats.length; i++) {
    const s = sats[i]!;
    const rank = rankOf(s, q, digits);
    if (rank >= 0) ranked.push({ i, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.slice(0, limit).map((r) => r.i);
}

/** Normalised query: trimmed, lower case, and whether it is all digits (a NORAD id or its prefix). */
export function searchQuery(query: string): { q: string; digits: boolean } {
  const q = query.trim().toLowerCase();
  return { q, digits: /^\d+$/.test(q) };
}

/** Rank of a satellite for a normalised query (0 best, −1 no match); see searchSatellites. */
export function rankOf(s: Searchable, q: string, digits: boolean): number {
  if (digits) {
    const id = String(s.norad);
    if (id === q) return 0;
    if (id.startsWith(q)) return 1;
  }
  const name = s.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 2;
  if (name.includes(q)) return 3;
  return -1;
}
