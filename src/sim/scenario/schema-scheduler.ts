// Scenario schema, part 3: the antenna scheduler (`scheduler.policy` and its options beside it). The policies are
// described, with their sources, in docs/model.md §5. Pure; imports only zod and the field helpers.
import { z } from 'zod';
import { within } from './fields.ts';

export const schedulerPolicies = ['first-come', 'priority', 'lookahead'] as const;

export const schedulerSchema = z
  .object({
    /**
     * first-come: windows in AOS order hold an antenna from AOS to LOS (the rule of the published results we
     * reproduce); priority: by data waiting and its age, pre-emption at window boundaries; lookahead: a
     * maximum-weight matching per slot weighted by how long the data would otherwise wait (default: what an operator
     * of its own constellation does, planning contacts ahead; docs/model.md §5).
     */
    policy: z.enum(schedulerPolicies).default('lookahead'),
    /** priority, lookahead: waiting data this old counts double. Assumption: 3,600 s (one hour, about one orbit). */
    agingS: within(1, 1e7).default(3600),
    /** priority: a rising satellite takes a busy antenna only if its score exceeds the holder's × (1 + margin). Assumption: 0.5. */
    preemptionMargin: within(0, 100).default(0.5),
    /** lookahead: how far ahead a satellite's next contact is looked up. 6 h: EarthSight's look-ahead (MLSys 2026, docs/sources.md#scheduling). */
    horizonH: within(0.1, 48).default(6),
    /** lookahead: planning slot; hand-overs happen at slot boundaries. Assumption: 60 s. */
    slotS: within(10, 3600).default(60),
  })
  .strict();
