// Entry point: reads the URL, creates the UI store (draft = the URL's preset or three-body), the frame buffer, the
// sim client (the owner of what is shown), the playback clock and the Explore view's study session, connects the
// consumers of what is shown (the clock's window, the selection, the URL, the route, the study session), provides the
// services by context, starts the clock and kicks off the first run.
import './no-eval.ts'; // first: before any zod schema is built (Content-Security-Policy, no eval)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PRESET, presets } from '../sim/scenario/presets.ts';
import { App } from './App.tsx';
import './app.css';
import { createStudySession } from './explore/study-session.ts';
import { createFrameBuffer } from './frame-buffer.ts';
import { createPlaybackClock } from './playback-clock.ts';
import { startRouteFollower } from './route-follower.ts';
import { shownWindow } from './shown.ts';
import { createSimClient } from './sim-client.ts';
import { createUiStore, UiStoreContext } from './store.ts';
import { keepSelectionAcrossShown } from './ui/selection.ts';
import { AppServicesContext } from './ui/services.ts';
import { parseUrlState, startUrlSync } from './url-state.ts';
import { filterThreeConsole } from './view3d/three-console.ts';

filterThreeConsole(); // before the canvas exists: r3f 9's store creates a THREE.Clock (view3d/three-console.ts)
const url = parseUrlState(window.location.search);
const presetName = url.preset !== undefined && presets[url.preset] ? url.preset : DEFAULT_PRESET;
const store = createUiStore({
  scenarioDraft: presets[presetName]!,
  presetName,
  ...(url.mode ? { mode: url.mode } : {}),
  ...(url.speed ? { speed: url.speed } : {}),
  ...(url.view ? { view: url.view } : {}),
  ...(url.explore ? { explore: url.explore } : {}),
});
const frameBuffer = createFrameBuffer();
const client = createSimClient(store, frameBuffer);
const { shown } = client;
const clock = createPlaybackClock(store, frameBuffer);
if (url.timeMs !== undefined) clock.setPendingTime(url.timeMs);
// Each consumer subscribes to the one change event; none depends on another's order (test/app/shown-consumers.test.ts).
shown.subscribe((s) => clock.setWindow(shownWindow(s)));
keepSelectionAcrossShown(store, shown, url.satNorad ?? null);
startUrlSync(store, shown, clock);
startRouteFollower(store, frameBuffer, shown, clock, client);
const explore = createStudySession(client, () => performance.now());
shown.subscribe(() => explore.reset()); // a study's rows belong to the run it ran on
clock.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UiStoreContext.Provider value={store}>
      <AppServicesContext.Provider value={{ client, shown, clock, frameBuffer, explore }}>
        <App />
      </AppServicesContext.Provider>
    </UiStoreContext.Provider>
  </StrictMode>,
);

void client.run(store.getState().scenarioDraft);
