// An orbit-view worker: a thin shell exposing one slice of a large constellation (src/sim/api/orbit-view-api.ts)
// through comlink; keyframes are written into shared arrays, or transferred when the page is not isolated. It holds
// its life lock (src/app/worker-life.ts) so the page notices if it dies.
import '../src/app/no-eval.ts'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import { browserReadText } from '../src/app/browser-read.ts';
import { holdLifeLock } from '../src/app/worker-life.ts';
import { createOrbitViewApi, transferringOrbitViewApi } from '../src/sim/api/orbit-view-api.ts';

Comlink.expose(transferringOrbitViewApi(createOrbitViewApi(browserReadText), Comlink.transfer));
holdLifeLock(self, navigator.locks);
