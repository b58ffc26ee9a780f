// Inside the r3f <Canvas>: builds the GlobeSceneCore (layers), loads the land outlines, runs the ONE per-frame
// update in useFrame (reading the frame buffer, shown.current and store.getState(), never React state), times each frame,
// exposes GPU picking, flips data-frame-ready on the container after a frame with satellites is drawn and tells the
// user about a lost WebGL context.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { addAfterEffect, useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type * as THREE from 'three';
import type { Topology } from 'topojson-specification';
import type { FrameBuffer } from '../frame-buffer.ts';
import type { ShownSource } from '../shown.ts';
import type { UiStore } from '../store.ts';
import { watchContextLoss } from './context-loss.ts';
import { FrameTimer } from './frame-timing.ts';
import { GlobeSceneCore } from './globe-scene-core.ts';
import { landOutlineSegments } from './land-outlines.ts';

/** Picks the satellite at CSS pixel (x, y) of the canvas: its index, or −1. */
export type PickFn = (xPx: number, yPx: number) => number;

export interface GlobeSceneProps {
  store: UiStore;
  fb: FrameBuffer;
  shown: ShownSource;
  containerRef: RefObject<HTMLDivElement | null>;
  labelsRef: RefObject<HTMLDivElement | null>;
  pickRef: { current: PickFn | null };
}

/** Closest camera distance from the Earth's centre, Earth radii (≈ 960 km above the surface). */
export const MIN_CAMERA_DISTANCE = 1.15;
export const MAX_CAMERA_DISTANCE = 30;

interface ControlsLike {
  rotateSpeed: number;
  getDistance?: () => number;
}

export function GlobeScene({ store, fb, shown, containerRef, labelsRef, pickRef }: GlobeSceneProps) {
  const get = useThree((s) => s.get);
  const [core, setCore] = useState<GlobeSceneCore | null>(null);
  const coreRef = useRef<GlobeSceneCore | null>(null);
  const controlsRef = useRef<ControlsLike | null>(null);
  const [timer] = useState(() => new FrameTimer());

  useEffect(() => {
    const c = new GlobeSceneCore(labelsRef.current);
    coreRef.current = c;
    setCore(c);
    let cancelled = false;
    // Natural Earth 1:50m land (npm world-atlas), a lazily loaded chunk. No import attribute: Vite turns the
    // JSON into a JS module, and a `with { type: 'json' }` dynamic import then fails in the browser.
    import('world-atlas/land-50m.json')
      .then((m) => !cancelled && c.globe.setLand(landOutlineSegments(m.default as unknown as Topology)))
      .catch((err: unknown) => console.warn('land outlines not loaded:', err));
    c.setRenderer(get().gl);
    // Compile the picking pass now, not on the first click.
    get().gl.compile(c.picker.scene, get().camera);
    pickRef.current = (x, y) => {
      const s = get();
      return c.picker.pick(s.gl, s.camera as THREE.PerspectiveCamera, x, y, s.size.width, s.size.height);
    };
    return () => {
      cancelled = true;
      pickRef.current = null;
      coreRef.current = null;
      c.dispose();
    };
  }, [get, labelsRef, pickRef]);

  // A lost WebGL context is restored by three.js itself (context-loss.ts); the user is told.
  useEffect(() => watchContextLoss(get().gl.domElement, (notice) => store.setState({ notice })), [get, store]);

  // Frame timing and the frame-ready flag: start before every other useFrame, end after three.js rendered.
  useFrame(() => timer.start(), -1000); // negative priority: runs first, r3f still renders by itself
  useEffect(() => {
    let ready = '';
    return addAfterEffect(() => {
      timer.end();
      const el = containerRef.current;
      const now = coreRef.current?.drawsSatellites ? 'true' : 'false';
      if (el && now !== ready) {
        el.dataset['frameReady'] = now;
        ready = now;
      }
    });
  }, [timer, containerRef]);

  useFrame((state) => {
    const c = coreRef.current;
    if (!c) return;
    c.update(fb, shown.current, store.getState(), state.camera, state.size.width, state.size.height, state.gl.getPixelRatio());
    const controls = controlsRef.current;
    const d = controls?.getDistance?.();
    // Slower rotation close to the surface, so a drag moves the ground at a similar speed at every zoom.
    if (controls && d !== undefined) controls.rotateSpeed = 0.12 + 0.38 * Math.min(1, Math.max(0, (d - 1) / 2));
  });

  return (
    <>
      {core && <primitive object={core.earth} />}
      <OrbitControls
        ref={controlsRef as never}
        makeDefault
        enablePan={false}
        enableDamping
        dampingFactor={0.08}
        minDistance={MIN_CAMERA_DISTANCE}
        maxDistance={MAX_CAMERA_DISTANCE}
        zoomSpeed={0.8}
      />
    </>
  );
}
