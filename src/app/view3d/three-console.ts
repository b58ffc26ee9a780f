// Routes three.js's console output (three's documented `setConsoleFunction`) and drops one notice: the THREE.Clock
// deprecation that @react-three/fiber 9.x triggers by creating a `THREE.Clock` in every canvas's store. Our code
// uses no Clock (simulation time is the playback clock's); r3f 9.8.2 is the newest stable release and still
// creates it (pmndrs/react-three-fiber#3741: Clock is replaced by a Timer in r3f 10). Everything else is printed
// unchanged. Imports three only.
import { setConsoleFunction } from 'three';

/** The notice three prints when a `THREE.Clock` is constructed (three r183+). */
export const CLOCK_DEPRECATION_PREFIX = 'THREE.Clock: This module has been deprecated.';

type ConsoleMethod = 'log' | 'warn' | 'error';

/** True for three.js messages that are passed on to the console. */
export function keepThreeMessage(type: ConsoleMethod, message: string): boolean {
  return !(type === 'warn' && message.startsWith(CLOCK_DEPRECATION_PREFIX));
}

/** Installs the filter (once, at start-up, before the first canvas is created). */
export function filterThreeConsole(out: Pick<Console, ConsoleMethod> = console): void {
  setConsoleFunction((type, message, ...params) => {
    if (keepThreeMessage(type, message)) out[type](message, ...params);
  });
}
