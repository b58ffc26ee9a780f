// The look-ahead planner's matching: a maximum-weight b-matching, checked against brute force on small random graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightBMatching, type MatchEdge } from '../../src/sim/links/max-weight-matching.ts';

function bruteForce(leftCount: number, cap: readonly number[], edges: readonly MatchEdge[]): number {
  let best = 0;
  const usedLeft = new Array<boolean>(leftCount).fill(false);
  const usedRight = new Array<number>(cap.length).fill(0);
  const walk = (i: number, weight: number) => {
    if (i === edges.length) return void (best = Math.max(best, weight));
    walk(i + 1, weight);
    const e = edges[i]!;
    if (usedLeft[e.left] || usedRight[e.right]! >= cap[e.right]!) return;
    usedLeft[e.left] = true;
    usedRight[e.right]!++;
    walk(i + 1, weight + e.weight);
    usedLeft[e.left] = false;
    usedRight[e.right]!--;
  };
  walk(0, 0);
  return best;
}

describe('maximum-weight b-matching', () => {
  it('hand example: one antenna each; the heavier total wins over the greedy first pick', () => {
    // Greedy takes 0–A (10), leaving 1 unmatched (it sees only A): 10. Best: 0–B (9) + 1–A (8) = 17.
    const edges = [
      { left: 0, right: 0, weight: 10 },
      { left: 0, right: 1, weight: 9 },
      { left: 1, right: 0, weight: 8 },
    ];
    expect(maxWeightBMatching(2, [1, 1], edges)).toEqual([1, 2]);
  });

  it('equals brute force on random graphs (weights, capacities), each left node once, each right node within capacity', () => {
    const arb = fc.record({
      left: fc.integer({ min: 1, max: 5 }),
      cap: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      edges: fc.array(fc.record({ l: fc.nat(), r: fc.nat(), w: fc.integer({ min: 0, max: 100 }) }), { maxLength: 9 }),
    });
    fc.assert(
      fc.property(arb, ({ left, cap, edges }) => {
        const seen = new Set<string>();
        const es = edges
          .map((e) => ({ left: e.l % left, right: e.r % cap.length, weight: e.w }))
          .filter((e) => !seen.has(`${e.left},${e.right}`) && seen.add(`${e.left},${e.right}`));
        const chosen = maxWeightBMatching(left, cap, es);
        const total = chosen.reduce((a, i) => a + es[i]!.weight, 0);
        expect(total).toBe(bruteForce(left, cap, es));
        expect(new Set(chosen.map((i) => es[i]!.left)).size).toBe(chosen.length);
        cap.forEach((c, j) => expect(chosen.filter((i) => es[i]!.right === j).length).toBeLessThanOrEqual(c));
      }),
      { numRuns: 500 },
    );
  });
});
