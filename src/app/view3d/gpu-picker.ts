// GPU picking: renders the satellites with the id material into a small render target around the pointer
// (the globe as an occluder) and reads the pixels back — cost independent of the number of satellites.
// No React; three only.
import * as THREE from 'three';
import { nearestPickedIndex } from './pick-id.ts';
import { ECEF_TO_SCENE_ROT_X_RAD } from './scene-units.ts';

/** Side of the square read around the pointer, px (odd, so the pointer is the centre pixel). */
export const PICK_WINDOW_PX = 9;

const savedClear = new THREE.Color();

export class GpuPicker {
  readonly scene = new THREE.Scene();
  private readonly target = new THREE.WebGLRenderTarget(PICK_WINDOW_PX, PICK_WINDOW_PX, {
    type: THREE.UnsignedByteType,
    format: THREE.RGBAFormat,
    depthBuffer: true,
    minFilter: THREE.NearestFilter,
    magFilter: THREE.NearestFilter,
    generateMipmaps: false,
  });
  private readonly pixels = new Uint8Array(PICK_WINDOW_PX * PICK_WINDOW_PX * 4);
  private readonly occluderMaterial = new THREE.MeshBasicMaterial({ color: 0x000000 });

  /** `globe` is drawn black (id 0) to hide satellites behind the Earth; `idPoints` write their ids. */
  constructor(globe: THREE.Mesh, idPoints: THREE.Points) {
    const earth = new THREE.Group();
    earth.rotation.x = ECEF_TO_SCENE_ROT_X_RAD;
    const occluder = new THREE.Mesh(globe.geometry, this.occluderMaterial);
    occluder.scale.copy(globe.scale);
    earth.add(occluder, idPoints);
    this.scene.add(earth);
  }

  /**
   * Index of the satellite drawn nearest to CSS pixel (x, y) of a canvas `widthPx` × `heightPx`, within
   * PICK_WINDOW_PX/2, or −1. Renders only a PICK_WINDOW_PX² window (camera view offset), then restores state.
   */
  pick(renderer: THREE.WebGLRenderer, camera: THREE.PerspectiveCamera, x: number, y: number, widthPx: number, heightPx: number): number {
    const half = (PICK_WINDOW_PX - 1) / 2;
    const previousTarget = renderer.getRenderTarget();
    renderer.getClearColor(savedClear);
    const savedAlpha = renderer.getClearAlpha();
    camera.setViewOffset(widthPx, heightPx, Math.round(x) - half, Math.round(y) - half, PICK_WINDOW_PX, PICK_WINDOW_PX);
    try {
      renderer.setRenderTarget(this.target);
      renderer.setClearColor(0x000000, 0);
      renderer.clear(true, true, false);
      renderer.render(this.scene, camera);
      renderer.readRenderTargetPixels(this.target, 0, 0, PICK_WINDOW_PX, PICK_WINDOW_PX, this.pixels);
    } finally {
      camera.clearViewOffset();
      renderer.setRenderTarget(previousTarget);
      renderer.setClearColor(savedClear, savedAlpha);
    }
    return nearestPickedIndex(this.pixels, PICK_WINDOW_PX);
  }

  dispose(): void {
    this.target.dispose();
    this.occluderMaterial.dispose();
  }
}
