// Shortest-path routing: hand-computed paths on small graphs and on a 4-satellite ring, ground nodes as
// endpoints only, deterministic ties, multi-source distances, and a 3 × 4 Walker shell against Floyd–Warshall.
import { describe, expect, it } from 'vitest';
import type { WalkerSlot } from '../../src/sim/catalog/types.ts';
import { DEFAULT_ISL_PARAMS, IslLinker } from '../../src/sim/links/isl.ts';
import { RoutingGraphBuilder, ShortestPaths, shortestPath, type RoutingGraph } from '../../src/sim/links/routing.ts';
import { stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';
import { EARTH_EQUATORIAL_RADIUS_KM, SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

function graph(sats: number, grounds: number, edges: [number, number, number][]): RoutingGraph {
  const b = new RoutingGraphBuilder().reset(sats, grounds);
  for (const [a, c, w] of edges) b.addEdge(a, c, w);
  return b.build();
}

describe('shortestPath on hand-made graphs', () => {
  it('finds the hand-computed route (5 satellites, 2 ground nodes)', () => {
    // 5→0→1→6 = 1 + 2 + 1 = 4; 5→0→2→3→1→6 = 4.5; 5→0→2→3→4→6 = 8.1.
    const g = graph(5, 2, [
      [5, 0, 1],
      [0, 1, 2],
      [1, 6, 1],
      [0, 2, 1],
      [2, 3, 1],
      [3, 1, 0.5],
      [3, 4, 5],
      [4, 6, 0.1],
    ]);
    expect(shortestPath(g, 5, 6)).toEqual({ latencyS: 4, hops: [5, 0, 1, 6] });
    expect(shortestPath(g, 6, 5)).toEqual({ latencyS: 4, hops: [6, 1, 0, 5] });
    expect(shortestPath(g, 2, 4)).toEqual({ latencyS: 6, hops: [2, 3, 4] });
  });

  it('never relays through a ground node', () => {
    // Through ground node 4 the trip would take 4 s; satellites only: 2→0→1→3 = 12 s.
    const g = graph(2, 3, [
      [2, 0, 1],
      [0, 4, 1],
      [4, 1, 1],
      [1, 3, 1],
      [0, 1, 10],
    ]);
    expect(shortestPath(g, 2, 3)).toEqual({ latencyS: 12, hops: [2, 0, 1, 3] });
  });

  it('breaks ties deterministically (lower node index first), whatever the edge order', () => {
    const square: [number, number, number][] = [
      [0, 1, 1],
      [1, 3, 1],
      [0, 2, 1],
      [2, 3, 1],
    ];
    expect(shortestPath(graph(4, 0, square), 0, 3)!.hops).toEqual([0, 1, 3]);
    expect(shortestPath(graph(4, 0, [...square].reverse()), 0, 3)!.hops).toEqual([0, 1, 3]);
  });

  it('returns null when no route exists, and ignores bad edges', () => {
    const b = new RoutingGraphBuilder().reset(3, 0);
    b.addEdge(0, 1, 1);
    b.addEdge(1, 7, 1); // no node 7
    b.addEdge(1, 2, NaN);
    b.addEdge(2, 2, 1);
    expect(shortestPath(b.build(), 0, 2)).toBeNull();
  });

  it('gives multi-source distances with the source each node is served by', () => {
    // Chain 0–1–2–3–4, 1 s per edge; sources 0 (after 6 s) and 4 (after 1 s).
    const g = graph(5, 0, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 4, 1],
    ]);
    const ws = new ShortestPaths();
    ws.run(g, [0, 4], [6, 1]);
    expect(Array.from(ws.distS)).toEqual([5, 4, 3, 2, 1]); // 0 is reached from 4 sooner than its own 6 s
    expect(Array.from(ws.origin)).toEqual([4, 4, 4, 4, 4]);
    expect(ws.pathTo(1)).toEqual([4, 3, 2, 1]);
    ws.run(g, [0, 4], [0, 0]);
    expect(Array.from(ws.distS)).toEqual([0, 1, 2, 1, 0]);
    expect(Array.from(ws.origin)).toEqual([0, 0, 0, 4, 4]); // node 2: tie, the lower-index source's path settles first
  });
});

const ground = (latDeg: number, lonDeg: number, minElevationDeg = 10): GroundStation => ({
  id: `${latDeg},${lonDeg}`,
  name: '',
  latDeg,
  lonDeg,
  altM: 0,
  minElevationDeg,
});

function walkerShell(planes: number, satsPerPlane: number, phasing: number, rKm: number, incDeg: number) {
  const layouts: WalkerSlot[] = [];
  const pos: number[] = [];
  const d = Math.PI / 180;
  for (let p = 0; p < planes; p++) {
    for (let s = 0; s < satsPerPlane; s++) {
      layouts.push({ shell: 1, pattern: 'delta', planes, satsPerPlane, phasing, plane: p, slot: s });
      const raan = ((360 * p) / planes) * d;
      const u = ((360 * s) / satsPerPlane + (360 * p * phasing) / (planes * satsPerPlane)) * d;
      const i = incDeg * d;
      const mm = (km: number) => Math.round(km * 1e6) / 1e6; // exact zeros, so symmetric hops tie exactly
      pos.push(
        mm(rKm * (Math.cos(u) * Math.cos(raan) - Math.sin(u) * Math.cos(i) * Math.sin(raan))),
        mm(rKm * (Math.cos(u) * Math.sin(raan) + Math.sin(u) * Math.cos(i) * Math.cos(raan))),
        mm(rKm * Math.sin(u) * Math.sin(i)),
      );
    }
  }
  return { layouts, pos: Float64Array.from(pos) };
}

function routingGraph(layouts: WalkerSlot[], pos: Float64Array, stations: GroundStation[]): RoutingGraph {
  const edges = new IslLinker(layouts, { ...DEFAULT_ISL_PARAMS, maxRangeKm: 20_000 }).linksAt(pos);
  const b = new RoutingGraphBuilder().reset(layouts.length, stations.length);
  b.addIslEdges(edges);
  const g = stationGeometry(stations);
  stations.forEach((_, j) => b.addGroundEdges(g, j, pos));
  return b.build();
}

describe('routing over a constellation', () => {
  it('routes across an equatorial ring of 4 satellites at r = 10,000 km as computed by hand', () => {
    // Ground (0°, 0°) sees only satellite 0 overhead, (0°, 180°) only satellite 2. Hops of 90° are chords R√2 =
    // 14,142.136 km (grazing 7,071 km from the centre, 693 km up). Up/down legs: 10,000 − 6,378.137 = 3,621.863 km.
    // Both ways round are equal; the tie goes through satellite 1. Total 2·3,621.863 + 2·14,142.136 = 35,527.997 km.
    const { layouts, pos } = walkerShell(1, 4, 0, 10_000, 0);
    const g = routingGraph(layouts, pos, [ground(0, 0), ground(0, 180)]);
    const r = shortestPath(g, 4, 5)!;
    expect(r.hops).toEqual([4, 0, 1, 2, 5]);
    expect(r.latencyS).toBeCloseTo((2 * (10_000 - EARTH_EQUATORIAL_RADIUS_KM) + 2 * 10_000 * Math.SQRT2) / SPEED_OF_LIGHT_KM_S, 9);
    expect(r.latencyS * 1000).toBeCloseTo(118.5087, 3);
  });

  it('matches Floyd–Warshall on a 3 × 4 Walker delta shell (F = 1, i = 60°, r = 10,000 km) between ground points', () => {
    const { layouts, pos } = walkerShell(3, 4, 1, 10_000, 60);
    const stations = [ground(0, 0), ground(45, 120), ground(-30, -100), ground(60, -20), ground(-10, 170)];
    const g = routingGraph(layouts, pos, stations);
    const n = 12;
    const N = n + stations.length;
    const D = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? 0 : Infinity)));
    for (let v = 0; v < N; v++) for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) D[v]![g.neighbours[k]!] = g.weightsS[k]!;
    for (let k = 0; k < n; k++) for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) D[i]![j] = Math.min(D[i]![j]!, D[i]![k]! + D[k]![j]!);
    let routes = 0;
    for (let a = n; a < N; a++) {
      for (let b = n; b < N; b++) {
        if (a === b) continue;
        const r = shortestPath(g, a, b);
        if (D[a]![b] === Infinity) expect(r).toBeNull();
        else {
          routes++;
          expect(r!.latencyS).toBeCloseTo(D[a]![b]!, 12);
          const hopSum = r!.hops.slice(1).reduce((s, v, i) => s + D[r!.hops[i]!]![v]!, 0);
          expect(hopSum).toBeCloseTo(r!.latencyS, 12);
          expect(r!.hops.slice(1, -1).every((v) => v < n)).toBe(true);
        }
      }
    }
    expect(routes).toBeGreaterThan(10);
  });
});
