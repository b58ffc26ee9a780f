// The Kubernetes manifests of scripts/k8s-manifests.ts validate offline against the API's JSON schema
// (kubernetes-models; no cluster here), and their shard arithmetic holds: the Indexed Job's N pods, each with its
// completion index substituted, run `--shard I/N` parts that cover every point exactly once, i ≡ I (mod N), and
// the merge Job reads exactly the parts the shards write.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { parseShard, shardPoints } from '../../src/cli/study/run-study.ts';
import { render } from '../../scripts/k8s-manifests.ts';

type Obj = { kind: string; metadata: { name: string }; spec: Record<string, unknown> } & Record<string, unknown>;
const items = (argv: string[]) => (render(argv) as { items: Obj[] }).items;
const STUDY = ['sweep', '--vary', 'gpu.usdPerHour=1.7:3:9', '--hours', '24'];
const IMAGE = ['--image', 'registry.example/ocsim:0.1.0'];

/** Validates with the kubernetes-models class of its kind (throws with the schema's message). */
function validate(o: Obj): void {
  const models: Record<string, new (data: never) => { validate(): void }> = { Job, Deployment, Service, PersistentVolumeClaim };
  const Model = models[o.kind];
  if (!Model) throw new Error(`no model for ${o.kind}`);
  new Model(o as never).validate();
}

const container = (o: Obj) => (o.spec.template as { spec: { containers: { args?: string[]; env?: unknown[] }[] } }).spec.containers[0]!;

describe('Kubernetes manifests for static shards', () => {
  it('a claim and an Indexed Job that validate; pod I runs the study with --shard I/N into /data/part-I.json', () => {
    const [claim, job] = items(['shards', ...IMAGE, '--shards', '3', '--cpus', '4', '--', ...STUDY]);
    for (const o of [claim!, job!]) validate(o);
    expect([claim!.kind, claim!.metadata.name, (claim!.spec as { accessModes: string[] }).accessModes]).toEqual([
      'PersistentVolumeClaim',
      'study-data',
      ['ReadWriteMany'],
    ]);
    expect([job!.spec.completions, job!.spec.parallelism, job!.spec.completionMode, job!.spec.backoffLimitPerIndex]).toEqual([3, 3, 'Indexed', 2]);
    expect(container(job!).args).toEqual([
      ...STUDY,
      '--shard',
      '$(JOB_COMPLETION_INDEX)/3',
      '--out',
      '/data/part-$(JOB_COMPLETION_INDEX).json',
      '--workers',
      '4',
      '--quiet',
    ]);
    expect(container(job!).env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
  });

  it('for N = 1…7 the pods cover every point exactly once, i ≡ I (mod N), and the merge Job reads exactly their parts', () => {
    const points = 23;
    for (let n = 1; n <= 7; n++) {
      const [, job] = items(['shards', ...IMAGE, '--shards', String(n), '--', ...STUDY]);
      const [merge] = items(['merge', ...IMAGE, '--shards', String(n)]);
      validate(merge!);
      const seen = new Array<number>(points).fill(0);
      const parts: string[] = [];
      for (let index = 0; index < n; index++) {
        const args = container(job!).args!.map((a) => a.replaceAll('$(JOB_COMPLETION_INDEX)', String(index)));
        const shard = parseShard(args[args.indexOf('--shard') + 1]!);
        expect(shard).toEqual({ index, count: n });
        for (const i of shardPoints(points, shard)) {
          expect(i % n).toBe(index);
          seen[i]!++;
        }
        parts.push(args[args.indexOf('--out') + 1]!);
      }
      expect(seen).toEqual(new Array(points).fill(1));
      expect(container(merge!).args).toEqual(['merge', ...parts, '--out', '/data/study.csv']);
    }
  });

  it('refuses bad options, naming them', () => {
    expect(() => items(['shards', ...IMAGE, '--shards', '0', '--', ...STUDY])).toThrow('--shards: "0" is not a whole number ≥ 1');
    expect(() => items(['shards', '--shards', '2', '--', ...STUDY])).toThrow('--image: required (the image built from deploy/Dockerfile)');
    expect(() => items(['shards', ...IMAGE, '--shards', '2'])).toThrow('shards: give the study after --');
    expect(() => items(['queue', ...IMAGE, '--name', 'My_Study'])).toThrow('--name: "My_Study" is not a DNS label (a-z, 0-9, -)');
  });

  it('the validator is not a formality: a malformed Job fails it', () => {
    const [, job] = items(['shards', ...IMAGE, '--shards', '2', '--', ...STUDY]);
    expect(() => validate({ ...job!, spec: { ...job!.spec, completions: 'two' } })).toThrow('completions must be integer');
  });
});

describe('Kubernetes manifests for a Redis queue', () => {
  it('Redis, its Service, workers and a coordinator Job that validate and point at the Service', () => {
    const list = items(['queue', ...IMAGE, '--workers', '5', '--cpus', '2', '--name', 'launch', '--', ...STUDY]);
    for (const o of list) validate(o);
    expect(list.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'PersistentVolumeClaim/launch-data',
      'Deployment/launch-redis',
      'Service/launch-redis',
      'Deployment/launch-worker',
      'Job/launch-coordinator',
    ]);
    const [, redis, service, workers, coordinator] = list;
    expect(container(redis!).args).toEqual(['--save', '', '--appendonly', 'no']);
    expect((service!.spec as { selector: unknown }).selector).toEqual((redis!.spec as { selector: { matchLabels: unknown } }).selector.matchLabels);
    expect(workers!.spec.replicas).toBe(5);
    expect(container(workers!).args).toEqual(['worker', '--queue', 'redis://launch-redis:6379', '--concurrency', '2']);
    expect(container(coordinator!).args).toEqual([...STUDY, '--queue', 'redis://launch-redis:6379', '--out', '/data/study.csv', '--quiet']);
    expect(items(['queue', ...IMAGE]).map((o) => o.kind)).toEqual(['Deployment', 'Service', 'Deployment']); // workers only
  });
});

describe('deploy/Dockerfile', () => {
  it("copies what ocsim reads at run time and has ocsim as its entrypoint (the manifests' args rely on it)", () => {
    const text = readFileSync(new URL('../../deploy/Dockerfile', import.meta.url), 'utf8');
    const copies = [...text.matchAll(/^COPY (\S+)/gm)].map((m) => m[1]);
    expect(copies).toEqual(['package.json', 'tsconfig.json', 'bin', 'src', 'tle', 'public/data']);
    expect(text).toMatch(/^RUN npm ci --omit=dev/m);
    expect(text).toMatch(/^ENTRYPOINT \["node", "\/opt\/ocsim\/bin\/ocsim.js"\]$/m);
  });
});
