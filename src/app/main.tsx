// Entry point: reads the URL, creates the UI store (draft = the URL's preset or three-body), the sim client and
// the playback clock, provides them by context, starts the clock and kicks off the first run.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PRESET, presets } from '../sim/scenario/presets.ts';
import { App } from './App.tsx';
import './app.css';
import { frameBuffer } from './frame-buffer.ts';
import { createPlaybackClock } from './playback-clock.ts';
import { startRouteFollower } from './route-follower.ts';
import { createSimClient } from './sim-client.ts';
import { createUiStore, UiStoreContext } from './store.ts';
import { keepSelectionAcrossRuns } from './ui/selection.ts';
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
});
const client = createSimClient(store, frameBuffer);
const clock = createPlaybackClock(store, frameBuffer);
if (url.timeMs !== undefined) clock.setPendingTime(url.timeMs);
startUrlSync(store, frameBuffer, clock, url);
keepSelectionAcrossRuns(store, clock);
startRouteFollower(store, frameBuffer, clock, client);
clock.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UiStoreContext.Provider value={store}>
      <AppServicesContext.Provider value={{ client, clock, frameBuffer }}>
        <App />
      </AppServicesContext.Provider>
    </UiStoreContext.Provider>
  </StrictMode>,
);

void client.run(store.getState().scenarioDraft);
