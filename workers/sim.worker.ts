// The simulation worker: a thin shell exposing the pure simulation API (src/sim/api/sim-api.ts) through comlink,
// replies' bulk typed arrays transferred. All logic lives in the API object, which tests call directly. It holds its
// life lock (src/app/worker-life.ts) so the page notices if it dies.
import '../src/app/no-eval.ts'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import { browserDeps } from '../src/app/browser-deps.ts';
import { holdLifeLock } from '../src/app/worker-life.ts';
import { createSimApi } from '../src/sim/api/sim-api.ts';
import { transferringApi } from '../src/sim/api/transfer.ts';

Comlink.expose(transferringApi(createSimApi(browserDeps()), Comlink.transfer));
holdLifeLock(self, navigator.locks);
