// The 3D view: a full-size <div data-testid="globe"> holding the r3f <Canvas> (GlobeScene) and the label
// overlay; click (without drag) on a satellite selects it, on empty space clears the selection (GPU picking).
// Reads per-frame data from the frame buffer and what is shown in useFrame; React renders only on mount and when the
// main view changes: hidden behind the table or Explore view, the canvas draws nothing (frameloop "never").
import { useContext, useRef, type PointerEvent } from 'react';
import { Canvas } from '@react-three/fiber';
import type { FrameBuffer } from '../frame-buffer.ts';
import type { ShownSource } from '../shown.ts';
import { UiStoreContext, useUi, type UiStore } from '../store.ts';
import { AppServicesContext } from '../ui/services.ts';
import { GlobeScene, type PickFn } from './GlobeScene.tsx';
import { timedPick } from './frame-timing.ts';
import { cameraPositionAbove } from './scene-units.ts';

export interface GlobeViewProps {
  /** The UI store; defaults to the one of UiStoreContext. */
  store?: UiStore;
  /** Per-frame data; defaults to the frame buffer of AppServicesContext. */
  frameBuffer?: FrameBuffer;
  /** What is shown; defaults to the one of AppServicesContext. */
  shown?: ShownSource;
}

/** Start view: above China (35° N, 105° E) at 3 Earth radii from the centre. */
export const START_CAMERA = cameraPositionAbove(35, 105, 3);
/** A pointer that moved more than this between down and up was a drag (orbit), not a click, px. */
export const CLICK_SLOP_PX = 4;
const BACKGROUND = '#02050b';

export function GlobeView({ store: storeProp, frameBuffer: fbProp, shown: shownProp }: GlobeViewProps) {
  const contextStore = useContext(UiStoreContext);
  const services = useContext(AppServicesContext);
  const store = storeProp ?? contextStore;
  const frameBuffer = fbProp ?? services?.frameBuffer;
  const shown = shownProp ?? services?.shown;
  if (!store || !frameBuffer || !shown) throw new Error('GlobeView: pass store, frameBuffer and shown, or render inside UiStoreContext and AppServicesContext');
  const hidden = useUi(store, (s) => s.view !== 'globe');
  const containerRef = useRef<HTMLDivElement | null>(null);
  const labelsRef = useRef<HTMLDivElement | null>(null);
  const pickRef = useRef<PickFn | null>(null);
  const down = useRef({ x: 0, y: 0, primary: false });

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    down.current = { x: e.clientX, y: e.clientY, primary: e.button === 0 };
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = down.current;
    if (!d.primary || Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX) return;
    const rect = containerRef.current?.getBoundingClientRect();
    const pick = pickRef.current;
    if (!rect || !pick) return;
    const index = timedPick(() => pick(e.clientX - rect.left, e.clientY - rect.top));
    store.setState({ selectedSat: index >= 0 ? index : null });
  };

  return (
    <div
      ref={containerRef}
      data-testid="globe"
      role="img"
      aria-label="3D globe with the satellites, ground stations and computing hubs; the table view lists the same data"
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      style={{ position: 'relative', width: '100%', height: '100%', minHeight: 240, overflow: 'hidden', background: BACKGROUND }}
    >
      <Canvas
        frameloop={hidden ? 'never' : 'always'}
        flat
        dpr={[1, 2]}
        camera={{ fov: 45, near: 0.05, far: 200, position: START_CAMERA }}
        gl={{ antialias: true }}
        onCreated={({ gl }) => gl.setClearColor(BACKGROUND, 1)}
        style={{ position: 'absolute', inset: 0 }}
      >
        <GlobeScene store={store} fb={frameBuffer} shown={shown} containerRef={containerRef} labelsRef={labelsRef} pickRef={pickRef} />
      </Canvas>
      <div ref={labelsRef} aria-hidden="true" style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden' }} />
    </div>
  );
}
