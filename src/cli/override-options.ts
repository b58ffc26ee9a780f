// The model-choice flags shared by `ocsim run` and every study command (ScenarioOverrides in scenario-loader.ts
// applies them): which antenna scheduler, how hub GPUs are paid for, which cluster a batch goes to, and the hub
// electricity tariffs. One definition, so a study runs the same scenario a run with the same flags would.
import { Option, type Command } from 'commander';
import { schedulerPolicies } from '../sim/scenario/schema-scheduler.ts';
import { dispatchPolicies, gpuPricingModels } from '../sim/scenario/schema-ground.ts';

export function addModelOverrides(c: Command): Command {
  return c
    .addOption(new Option('--scheduler <policy>', 'override scheduler.policy, the antenna scheduler').choices([...schedulerPolicies]))
    .addOption(new Option('--gpu-pricing <model>', 'override gpu.pricing, how hub GPUs are paid for').choices([...gpuPricingModels]))
    .addOption(new Option('--dispatch <policy>', 'override dispatch.policy, the choice of GPU cluster').choices([...dispatchPolicies]))
    .addOption(
      new Option('--tariffs <kind>', "hub electricity: 'published' time-of-use (east: Zhejiang's, west: Xinjiang's) or 'flat'").choices(['flat', 'published']),
    );
}
