// The sim client's study calls, for the Explore view: the study parameters of the run shown, points evaluated against
// it in the worker (rows streamed through a comlink proxy, batch by batch) and cancellation. Nothing is asked of a
// run that is no longer shown, and its rows are dropped. Imports comlink and app modules; no React or three.
import * as Comlink from 'comlink';
import type { StudyInfo, StudyPointsReply, StudyPointsRequest, StudyRow } from '../../workers/protocol.ts';
import type { SimConnector } from './sim-connection.ts';
import type { ShownSource } from './shown.ts';

export interface StudyClient {
  /** Parameters (with the run's values) and metric names of the run shown; null without a run. */
  studyInfo(): Promise<StudyInfo | null>;
  /**
   * Points against run `req.runId` (it must be the run shown): rows arrive through `onRows` while it is shown.
   * Null when it is not shown (or stops being shown before the reply); never rejects (a dead worker is an error reply).
   */
  studyPoints(req: StudyPointsRequest, onRows: (rows: StudyRow[]) => void): Promise<StudyPointsReply | null>;
  /** Stops a study after its current point. */
  cancelStudy(studyId: number): Promise<void>;
}

export function createStudyClient(connector: SimConnector, shown: ShownSource): StudyClient {
  const shownRunId = () => (shown.current.kind === 'run' ? shown.current.runId : null);
  return {
    async studyInfo() {
      const runId = shownRunId();
      if (runId === null) return null;
      try {
        const c = await connector.get();
        const info = await Promise.race([c.api.studyInfo({ runId }), c.died]);
        return shownRunId() === runId ? info : null;
      } catch {
        return null; // a dead worker is reported (and restarted) by the run path
      }
    },
    async studyPoints(req, onRows) {
      if (shownRunId() !== req.runId) return null;
      const rows = Comlink.proxy((batch: StudyRow[]) => {
        if (shownRunId() === req.runId) onRows(batch);
      });
      try {
        const c = await connector.get();
        const reply = await Promise.race([c.api.studyPoints(req, rows), c.died]);
        return shownRunId() === req.runId ? reply : null;
      } catch (err) {
        return {
          studyId: req.studyId,
          done: 0,
          cancelled: false,
          error: `the simulation worker stopped (${err instanceof Error ? err.message : String(err)})`,
        };
      }
    },
    async cancelStudy(studyId) {
      try {
        const c = await connector.get();
        await Promise.race([c.api.cancelStudy(studyId), c.died]);
      } catch {
        // nothing to stop on a dead worker
      }
    },
  };
}
