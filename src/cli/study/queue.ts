// Placeholder until the Redis queue lands: `--queue` is refused with a clear message.
import type { StudyContext } from './study-context.ts';
import type { PointJob } from './point-pool.ts';
import { InputError } from '../scenario-loader.ts';

export interface QueueOptions {
  url: string;
  signal?: AbortSignal;
  onRow(index: number, values: (number | null)[], names: string[] | null): void;
}

/** Enqueues `jobs` on the Redis queue at `url`, collects their rows; resolves to the number of workers seen. */
export async function evaluateOnQueue(_ctx: StudyContext, _jobs: readonly PointJob[], _o: QueueOptions): Promise<number> {
  throw new InputError('--queue: not available yet');
}
