// Kubernetes manifests for running a study beyond one machine (deploy/README.md): static shards as an Indexed Job
// (`--shard $(JOB_COMPLETION_INDEX)/N`, one part per pod on the study's volume) and the merge Job, or a Redis queue
// (Redis Deployment + Service, worker Deployment, coordinator Job). Printed as a JSON `List` for `kubectl apply -f`.
//   npx tsx scripts/k8s-manifests.ts shards --image IMG --shards 8 [--cpus 2] [--memory 2Gi] [--name study] -- sweep …
//   npx tsx scripts/k8s-manifests.ts merge  --image IMG --shards 8 [--name study] [--out study.csv]
//   npx tsx scripts/k8s-manifests.ts queue  --image IMG [--workers 4] [--cpus 2] [--name study] [-- sweep …]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface DeployOptions {
  /** The image built from deploy/Dockerfile (its entrypoint is `node /opt/ocsim/bin/ocsim.js`). */
  image: string;
  /** Names the objects (and the study's volume, `<name>-data`, mounted at /data). */
  name: string;
  /** CPUs per pod: its request and limit, and the study's `--workers` (or the worker's `--concurrency`). */
  cpus: number;
  /** Memory per ocsim pod (request and limit), e.g. 2Gi: the scenario's size decides. */
  memory: string;
  /** Storage class of the shared volume (ReadWriteMany; default: the cluster's). */
  storageClass?: string;
}

type Obj = Record<string, unknown>;
const DATA = '/data';
const REDIS_PORT = 6379;

const labels = (o: DeployOptions, part: string) => ({
  'app.kubernetes.io/name': 'ocsim',
  'app.kubernetes.io/instance': o.name,
  'app.kubernetes.io/component': part,
});
const resources = (cpus: number, memory: string) => ({ requests: { cpu: String(cpus), memory }, limits: { cpu: String(cpus), memory } });
/** The image's user `node` (uid 1000) owns what it writes on the volume. */
const podSecurity = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 };
const volume = (o: DeployOptions) => ({ name: 'study', persistentVolumeClaim: { claimName: `${o.name}-data` } });
const mount = { name: 'study', mountPath: DATA };

/** The study's volume: the parts and the merged output. ReadWriteMany: the shards' pods run on any node. */
export function studyVolumeClaim(o: DeployOptions): Obj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `${o.name}-data`, labels: labels(o, 'data') },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } }, ...(o.storageClass ? { storageClassName: o.storageClass } : {}) },
  };
}

const checkShards = (shards: number) => {
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`--shards: "${shards}" is not a whole number ≥ 1`);
};

/**
 * N pods, pod I running `ocsim <study> --shard I/N --out /data/part-I.json` (the image's entrypoint is ocsim): I
 * is the pod's completion index, `JOB_COMPLETION_INDEX`, declared from the pod's annotation so `$(…)` expands in
 * the arguments. A failed shard is retried twice on its own (backoffLimitPerIndex), the others are not rerun.
 */
export function shardJob(o: DeployOptions, shards: number, study: readonly string[]): Obj {
  checkShards(shards);
  const args = [
    ...study,
    '--shard',
    `$(JOB_COMPLETION_INDEX)/${shards}`,
    '--out',
    `${DATA}/part-$(JOB_COMPLETION_INDEX).json`,
    '--workers',
    String(o.cpus),
    '--quiet',
  ];
  const index = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } };
  return job(
    o,
    `${o.name}-shards`,
    'shard',
    { completions: shards, parallelism: shards, completionMode: 'Indexed', backoffLimitPerIndex: 2 },
    { args, env: [index] },
  );
}

/** One pod joining the N parts into the study's output (identical to an unsharded run), on the same volume. */
export function mergeJob(o: DeployOptions, shards: number, out = 'study.csv'): Obj {
  checkShards(shards);
  const parts = Array.from({ length: shards }, (_, i) => `${DATA}/part-${i}.json`);
  return job(o, `${o.name}-merge`, 'merge', { completions: 1, backoffLimit: 1 }, { args: ['merge', ...parts, '--out', `${DATA}/${out}`] });
}

function job(o: DeployOptions, name: string, part: string, spec: Obj, container: Obj): Obj {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels: labels(o, part) },
    spec: {
      ...spec,
      template: {
        metadata: { labels: labels(o, part) },
        spec: {
          restartPolicy: 'Never',
          securityContext: podSecurity,
          containers: [{ name: 'ocsim', image: o.image, ...container, resources: resources(o.cpus, o.memory), volumeMounts: [mount] }],
          volumes: [volume(o)],
        },
      },
    },
  };
}

/**
 * A Redis for the queue (no persistence: if it restarts, the coordinator re-adds the lost points) and its Service,
 * `replicas` workers, and (given study arguments) the coordinator as a Job writing to the volume.
 */
export function queueStack(o: DeployOptions, replicas: number, study: readonly string[] = []): Obj[] {
  const url = `redis://${o.name}-redis:${REDIS_PORT}`;
  const redis = deployment(o, `${o.name}-redis`, 'redis', 1, {
    name: 'redis',
    image: 'redis:7.0',
    args: ['--save', '', '--appendonly', 'no'],
    ports: [{ containerPort: REDIS_PORT }],
    resources: resources(1, '1Gi'),
  });
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${o.name}-redis`, labels: labels(o, 'redis') },
    spec: { selector: labels(o, 'redis'), ports: [{ port: REDIS_PORT, targetPort: REDIS_PORT }] },
  };
  const workers = deployment(o, `${o.name}-worker`, 'worker', replicas, {
    name: 'ocsim',
    image: o.image,
    args: ['worker', '--queue', url, '--concurrency', String(o.cpus)],
    resources: resources(o.cpus, o.memory),
  });
  // SIGTERM hands a worker's points back to the queue at once: the default grace period is ample.
  (workers.spec as { template: { spec: Obj } }).template.spec.terminationGracePeriodSeconds = 30;
  if (study.length === 0) return [redis, service, workers];
  const coordinator = job(
    o,
    `${o.name}-coordinator`,
    'coordinator',
    { completions: 1, backoffLimit: 0 },
    {
      args: [...study, '--queue', url, '--out', `${DATA}/study.csv`, '--quiet'],
    },
  );
  return [redis, service, workers, coordinator];
}

function deployment(o: DeployOptions, name: string, part: string, replicas: number, container: Obj): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: labels(o, part) },
    spec: {
      replicas,
      selector: { matchLabels: labels(o, part) },
      template: { metadata: { labels: labels(o, part) }, spec: { ...(part === 'redis' ? {} : { securityContext: podSecurity }), containers: [container] } },
    },
  };
}

/** The objects for one command line (see the header). */
export function render(argv: readonly string[]): Obj {
  const dash = argv.indexOf('--');
  const study = dash < 0 ? [] : argv.slice(dash + 1);
  const { positionals, values } = parseArgs({
    args: dash < 0 ? [...argv] : argv.slice(0, dash),
    allowPositionals: true,
    options: {
      image: { type: 'string' },
      name: { type: 'string', default: 'study' },
      cpus: { type: 'string', default: '2' },
      memory: { type: 'string', default: '2Gi' },
      shards: { type: 'string' },
      workers: { type: 'string', default: '2' },
      out: { type: 'string', default: 'study.csv' },
      'storage-class': { type: 'string' },
    },
  });
  const what = positionals[0];
  if (!values.image) throw new RangeError('--image: required (the image built from deploy/Dockerfile)');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(values.name)) throw new RangeError(`--name: "${values.name}" is not a DNS label (a-z, 0-9, -)`);
  const o: DeployOptions = { image: values.image, name: values.name, cpus: Number(values.cpus), memory: values.memory, storageClass: values['storage-class'] };
  if (!Number.isInteger(o.cpus) || o.cpus < 1) throw new RangeError(`--cpus: "${values.cpus}" is not a whole number ≥ 1`);
  let items: Obj[];
  if (what === 'shards') {
    if (study.length === 0) throw new RangeError('shards: give the study after --, e.g. -- sweep --vary gpu.usdPerHour=1.7:3:9');
    items = [studyVolumeClaim(o), shardJob(o, Number(values.shards), study)];
  } else if (what === 'merge') items = [mergeJob(o, Number(values.shards), values.out)];
  else if (what === 'queue') items = [...(study.length ? [studyVolumeClaim(o)] : []), ...queueStack(o, Number(values.workers), study)];
  else throw new RangeError(`"${what ?? ''}" is not shards, merge or queue`);
  return { apiVersion: 'v1', kind: 'List', items };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(`${JSON.stringify(render(process.argv.slice(2)), null, 2)}\n`);
  } catch (err) {
    process.stderr.write(`k8s-manifests: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
