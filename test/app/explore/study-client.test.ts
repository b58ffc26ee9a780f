// The sim client's study calls against a fake API: only the run shown is asked, its rows are passed on while it is
// shown and dropped after, and a dead worker is an error reply (never a rejection).
import { describe, expect, it } from 'vitest';
import { createShownState, NOTHING_SHOWN, type ShownRun } from '../../../src/app/shown.ts';
import type { SimConnection, SimConnector } from '../../../src/app/sim-connection.ts';
import { createStudyClient } from '../../../src/app/study-client.ts';
import type { SimApi, StudyPointsReply, StudyRow } from '../../../src/sim/api/protocol.ts';

const run = (runId: number) => ({ kind: 'run', runId, result: {}, startMs: 0, endMs: 1 }) as unknown as ShownRun;

function setup() {
  let sendRows: (rows: StudyRow[]) => void = () => undefined;
  let answer: (r: StudyPointsReply) => void = () => undefined;
  let kill: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (kill = reject));
  died.catch(() => undefined);
  const asked: number[] = [];
  const api = {
    studyInfo: async (req: { runId: number }) => (asked.push(req.runId), { runId: req.runId, params: [], metrics: ['m'], baseValues: [1] }),
    studyPoints: (req: { runId: number }, onRows: (rows: StudyRow[]) => void) => {
      asked.push(req.runId);
      sendRows = onRows;
      return new Promise<StudyPointsReply>((r) => (answer = r));
    },
  } as unknown as SimApi;
  const conn: SimConnection = { api, kind: 'worker', died, dispose: () => undefined };
  const connector = { get: async () => conn } as unknown as SimConnector;
  const shown = createShownState();
  return { client: createStudyClient(connector, shown), shown, asked, rows: (r: StudyRow[]) => sendRows(r), answer: (r: StudyPointsReply) => answer(r), kill };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('study client', () => {
  it('asks only about the run shown', async () => {
    const t = setup();
    expect(await t.client.studyInfo()).toBeNull();
    expect(await t.client.studyPoints({ runId: 3, studyId: 1, points: [] }, () => undefined)).toBeNull();
    t.shown.show(run(3));
    expect((await t.client.studyInfo())!.runId).toBe(3);
    expect(await t.client.studyPoints({ runId: 2, studyId: 1, points: [] }, () => undefined)).toBeNull();
    expect(t.asked).toEqual([3]);
  });

  it('passes rows on while the run is shown, drops them and the reply after', async () => {
    const t = setup();
    t.shown.show(run(3));
    const got: number[] = [];
    const reply = t.client.studyPoints({ runId: 3, studyId: 7, points: [[]] }, (rows) => got.push(...rows.map((r) => r.index)));
    await flush();
    t.rows([{ index: 0, values: [1] }]);
    t.shown.show(NOTHING_SHOWN);
    t.rows([{ index: 1, values: [2] }]);
    t.answer({ studyId: 7, done: 2, cancelled: false });
    expect(await reply).toBeNull();
    expect(got).toEqual([0]);
  });

  it('a dead worker is an error reply', async () => {
    const t = setup();
    t.shown.show(run(3));
    const reply = t.client.studyPoints({ runId: 3, studyId: 7, points: [[]] }, () => undefined);
    await flush();
    t.kill(new Error('out of memory'));
    expect(await reply).toEqual({ studyId: 7, done: 0, cancelled: false, error: 'the simulation worker stopped (out of memory)' });
  });
});
