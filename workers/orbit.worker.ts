// An orbit-view worker: a thin shell exposing one slice of a large constellation (src/sim/api/orbit-view-api.ts)
// through comlink; keyframes are written into shared arrays, or transferred when the page is not isolated.
import '../src/app/no-eval.ts'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import { browserReadText } from '../src/app/browser-read.ts';
import { createOrbitViewApi, transferringOrbitViewApi } from '../src/sim/api/orbit-view-api.ts';

Comlink.expose(transferringOrbitViewApi(createOrbitViewApi(browserReadText), Comlink.transfer));
