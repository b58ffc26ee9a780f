// Entry of a propagation worker thread: registers tsx in this thread (workers do not inherit the
// main thread's `register()`, and Vitest's own workers have no TypeScript loader), then loads the
// TypeScript worker. Measured ≈ 0.5 s per worker on the dev machine, paid once per propagator.
import { register } from 'tsx/esm/api';

register();
await import('./propagation.worker.ts');
