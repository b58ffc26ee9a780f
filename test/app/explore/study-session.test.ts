// The Explore view's study session against a fake worker: a new study cancels the one running, stale rows are
// dropped, slider updates never pile up (only the latest waits), refinements stop when a study starts; and the
// frame throttle that feeds it keeps one value per frame.
import { describe, expect, it } from 'vitest';
import type { StudyPointsReply, StudyPointsRequest, StudyRow } from '../../../workers/protocol.ts';
import type { BuiltStudy } from '../../../src/app/explore/explore-study.ts';
import { DEFAULT_STUDY } from '../../../src/app/explore/explore-study.ts';
import { createFrameThrottle } from '../../../src/app/explore/frame-throttle.ts';
import { createStudySession, SupersededError, type StudyCalls } from '../../../src/app/explore/study-session.ts';

interface Pending {
  req: StudyPointsRequest;
  onRows: (rows: StudyRow[]) => void;
  reply(r: Partial<StudyPointsReply> | null): void;
}

function fakeCalls() {
  const calls: Pending[] = [];
  const cancelled: number[] = [];
  const api: StudyCalls = {
    studyPoints: (req, onRows) =>
      new Promise((resolve) =>
        calls.push({ req, onRows, reply: (r) => resolve(r === null ? null : { studyId: req.studyId, done: 0, cancelled: false, ...r }) }),
      ),
    cancelStudy: async (id) => void cancelled.push(id),
  };
  return { api, calls, cancelled };
}

const built = (key: string, n: number, shape = key): BuiltStudy => ({
  study: DEFAULT_STUDY,
  key,
  shape,
  columns: ['x'],
  cells: Array.from({ length: n }, (_, i) => [i]),
  points: Array.from({ length: n }, (_, i) => [{ path: 'gpu.usdPerHour', value: i }]),
  xs: Array.from({ length: n }, (_, i) => i),
  ys: [],
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('study session', () => {
  it('streams rows by index, then says done with the wall time of the call', async () => {
    const f = fakeCalls();
    let t = 1000;
    const s = createStudySession(f.api, () => t);
    let events = 0;
    s.subscribe(() => events++);
    s.start(4, built('a', 3));
    expect(f.calls[0]!.req).toMatchObject({ runId: 4, batch: 1, points: built('a', 3).points });
    f.calls[0]!.onRows([{ index: 2, values: [20] }]);
    f.calls[0]!.onRows([{ index: 0, values: [0] }]);
    expect(s.state.rows).toEqual([[0], undefined, [20]]);
    expect(s.state).toMatchObject({ done: 2, total: 3, status: 'running' });
    // The reply comes through another port than the rows: it may overtake the last row, and the call waits for it.
    f.calls[0]!.reply({ done: 3 });
    await settle();
    expect(s.state.status).toBe('running');
    t = 1012;
    f.calls[0]!.onRows([{ index: 1, values: [10] }]);
    expect(s.state).toMatchObject({ status: 'done', lastCallMs: 12, done: 3, rows: [[0], [10], [20]] });
    expect(events).toBe(4); // start, two batches, the last batch with done
  });

  it('a new study cancels the running one and drops its rows, even after its reply', async () => {
    const f = fakeCalls();
    const s = createStudySession(f.api);
    s.start(1, built('a', 2));
    s.start(1, built('b', 2));
    expect(f.cancelled).toEqual([f.calls[0]!.req.studyId]);
    f.calls[0]!.onRows([{ index: 0, values: [1] }]);
    f.calls[0]!.reply({ cancelled: true });
    await settle();
    expect(s.state).toMatchObject({ status: 'running', done: 0, rows: [undefined, undefined] });
    expect(s.state.built!.key).toBe('b');
    f.calls[1]!.onRows([{ index: 1, values: [7] }]);
    expect(s.state.rows).toEqual([undefined, [7]]);
  });

  it('slider updates: one in flight, only the latest waits, rows of the same shape are kept and overwritten', async () => {
    const f = fakeCalls();
    const s = createStudySession(f.api);
    s.start(1, built('base', 2, 'sh'));
    f.calls[0]!.onRows([
      { index: 0, values: [1] },
      { index: 1, values: [2] },
    ]);
    f.calls[0]!.reply({ done: 2 });
    await settle();
    s.live(1, built('v1', 2, 'sh'));
    s.live(1, built('v2', 2, 'sh'));
    s.live(1, built('v3', 2, 'sh'));
    expect(f.calls).toHaveLength(2); // v2 and v3 wait; v2 was dropped for v3
    expect(s.requested).toEqual({ runId: 1, key: 'v3' });
    f.calls[1]!.onRows([{ index: 0, values: [10] }]);
    expect(s.state.rows).toEqual([[10], [2]]); // the old row stays until its new value arrives
    f.calls[1]!.reply({ done: 1 });
    await settle();
    expect(f.calls).toHaveLength(3);
    expect(f.calls[2]!.req.points).toEqual(built('v3', 2, 'sh').points);
    expect(s.state).toMatchObject({ live: true, status: 'running', rows: [[10], [2]] });
    expect(f.cancelled).toEqual([]); // slider updates never cancel each other
  });

  it('a slider update cancels a long non-live study at once; cancel() drops a waiting update', async () => {
    const f = fakeCalls();
    const s = createStudySession(f.api);
    s.start(1, built('slow', 50));
    s.live(1, built('v1', 50));
    expect(f.cancelled).toEqual([f.calls[0]!.req.studyId]);
    s.live(1, built('v2', 50));
    s.cancel();
    expect(f.cancelled).toEqual([f.calls[0]!.req.studyId, f.calls[1]!.req.studyId]);
    f.calls[1]!.reply({ cancelled: true, done: 0 });
    await settle();
    expect(s.state.status).toBe('cancelled');
    expect(f.calls).toHaveLength(2); // v2 was dropped
  });

  it('errors and a run no longer shown end the study with a message; reset forgets it', async () => {
    const f = fakeCalls();
    const s = createStudySession(f.api);
    s.start(1, built('a', 1));
    f.calls[0]!.reply({ error: 'point 0: x: must be within [0, 1]' });
    await settle();
    expect(s.state).toMatchObject({ status: 'error', error: 'point 0: x: must be within [0, 1]' });
    s.start(1, built('b', 1));
    f.calls[1]!.reply(null);
    await settle();
    expect(s.state).toMatchObject({ status: 'error', error: 'the run is not shown any more' });
    s.reset();
    expect(s.state).toMatchObject({ status: 'idle', built: null, rows: [] });
    expect(s.requested).toBeNull();
  });

  it('evaluates single points for refinements, and stops them when a study starts', async () => {
    const f = fakeCalls();
    const s = createStudySession(f.api);
    const one = s.evaluate(1, [{ path: 'gpu.usdPerHour', value: 2 }]);
    f.calls[0]!.reply({ done: 1 }); // before its row
    await settle();
    f.calls[0]!.onRows([{ index: 0, values: [3, 4] }]);
    expect(await one).toEqual([3, 4]);
    const two = s.evaluate(1, []);
    s.start(1, built('a', 1));
    f.calls[1]!.onRows([{ index: 0, values: [1] }]);
    f.calls[1]!.reply({ done: 1 });
    await expect(two).rejects.toBeInstanceOf(SupersededError);
  });
});

describe('frame throttle', () => {
  it('runs the latest value once per frame and drops the ones in between', () => {
    const frames: (() => void)[] = [];
    const ran: number[] = [];
    const t = createFrameThrottle<number>(
      (cb) => frames.push(cb),
      (v) => ran.push(v),
    );
    t.push(1);
    t.push(2);
    t.push(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(ran).toEqual([3]);
    t.push(4);
    t.drop();
    frames.shift()!();
    expect(ran).toEqual([3]);
  });
});

describe('refining a crossover', async () => {
  const { refineCrossing } = await import('../../../src/app/explore/refine-crossing.ts');
  const { buildStudy, DEFAULT_STUDY: D } = await import('../../../src/app/explore/explore-study.ts');
  const { parseScenario } = await import('../../../src/sim/scenario/schema.ts');
  const { threeBodyScenario } = await import('../../../src/sim/scenario/presets.ts');

  it('finds the break-even of orbit = 2 + x/100 and ground = 5 at x = 300, keeping the other assignments', async () => {
    const b = buildStudy(
      { ...D, x: { path: 'economics.launchUsdPerKg', low: 100, high: 1000, n: 4 }, fixed: [{ path: 'gpu.usdPerHour', value: 2 }] },
      parseScenario(threeBodyScenario),
      [],
    );
    const seen: string[] = [];
    const evaluate = async (as: { path: string; value: number }[]) => {
      seen.push(as.map((a) => a.path).join(','));
      const x = as.find((a) => a.path === 'economics.launchUsdPerKg')!.value;
      return [2 + x / 100, 5];
    };
    // xs are 100, 215.4, 464.2, 1000 (log): the crossing is between points 1 and 2
    const r = await refineCrossing(evaluate, { built: b, crossing: { x: 310, i: 1, j: 2, orbitWins: 'below' }, iy: 0, orbitMetric: 0, groundMetric: 1 });
    expect(r.found).toBe(true);
    expect(r.value!).toBeCloseTo(300, 3);
    expect(r.continuous).toBe(true);
    expect(new Set(seen)).toEqual(new Set(['gpu.usdPerHour,economics.launchUsdPerKg']));
  });
});
