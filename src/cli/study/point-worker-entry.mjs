// Entry of a study worker thread: registers tsx in this thread (workers do not inherit the main thread's loader),
// then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./point-worker.ts');
