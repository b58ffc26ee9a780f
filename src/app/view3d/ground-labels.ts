// DOM labels of the ground sites over the canvas: placed without overlaps (label-placement.ts) and only when
// the camera or the canvas size changes (not every frame); hidden behind the Earth's limb. DOM + three math.
import * as THREE from 'three';
import type { GroundSite } from './ground-layer.ts';
import { placeLabels } from './label-placement.ts';
import { ecefToSceneAxes } from './scene-units.ts';

/** Label line height, px (11 px font). */
export const LABEL_HEIGHT_PX = 14;

const world = new THREE.Vector3();
const ndc = new THREE.Vector3();

export class GroundLabels {
  private sites: readonly GroundSite[] = [];
  private elements: HTMLElement[] = [];
  private readonly lastCamera = new Float64Array(34);
  private dirty = true;
  private xs = new Float32Array(0);
  private ys = new Float32Array(0);
  private widths = new Float32Array(0);
  private visible = new Uint8Array(0);
  private outX = new Float32Array(0);
  private outY = new Float32Array(0);
  private shown = new Uint8Array(0);

  constructor(private readonly container: HTMLElement) {}

  /** Rebuilds the label elements (on run change). */
  setSites(sites: readonly GroundSite[]): void {
    for (const el of this.elements) el.remove();
    this.sites = sites;
    this.elements = sites.map((s) => {
      const el = document.createElement('span');
      el.textContent = s.label;
      el.style.cssText =
        `position:absolute;left:0;top:0;white-space:nowrap;font:11px/${LABEL_HEIGHT_PX}px system-ui,sans-serif;` +
        `color:${s.style.color};text-shadow:0 0 3px #000,0 0 2px #000;pointer-events:none;will-change:transform;visibility:hidden;`;
      this.container.appendChild(el);
      return el;
    });
    const n = sites.length;
    this.xs = new Float32Array(n);
    this.ys = new Float32Array(n);
    this.widths = new Float32Array(n);
    this.outX = new Float32Array(n);
    this.outY = new Float32Array(n);
    this.visible = new Uint8Array(n);
    this.shown = new Uint8Array(n);
    this.widths.fill(-1);
    this.dirty = true;
  }

  /** Per frame: cheap unless the camera moved or the canvas was resized. */
  update(camera: THREE.Camera, widthPx: number, heightPx: number): void {
    camera.updateMatrixWorld();
    if (!this.cameraChanged(camera, widthPx, heightPx) && !this.dirty) return;
    this.dirty = false;
    const cam = camera.position;
    for (let i = 0; i < this.sites.length; i++) {
      const p = this.sites[i]!.position;
      ecefToSceneAxes(p[0], p[1], p[2], world);
      // Above the horizon seen from the camera: (C − P)·P > 0 (sphere approximation of the limb).
      const facing = (cam.x - world.x) * world.x + (cam.y - world.y) * world.y + (cam.z - world.z) * world.z > 0;
      ndc.copy(world).project(camera);
      this.visible[i] = facing && ndc.z <= 1 && Math.abs(ndc.x) <= 1.1 && Math.abs(ndc.y) <= 1.1 ? 1 : 0;
      this.xs[i] = ((ndc.x + 1) / 2) * widthPx;
      this.ys[i] = ((1 - ndc.y) / 2) * heightPx;
      if (this.widths[i]! < 0) this.widths[i] = this.elements[i]!.offsetWidth || 6.2 * this.sites[i]!.label.length;
    }
    placeLabels(this.xs, this.ys, this.widths, LABEL_HEIGHT_PX, this.visible, this.outX, this.outY, this.shown);
    for (let i = 0; i < this.elements.length; i++) {
      const el = this.elements[i]!;
      if (!this.shown[i]) {
        el.style.visibility = 'hidden';
        continue;
      }
      el.style.visibility = 'visible';
      el.style.transform = `translate(${this.outX[i]!.toFixed(1)}px,${this.outY[i]!.toFixed(1)}px)`;
    }
  }

  dispose(): void {
    for (const el of this.elements) el.remove();
    this.elements = [];
  }

  private cameraChanged(camera: THREE.Camera, w: number, h: number): boolean {
    const last = this.lastCamera;
    const a = camera.matrixWorld.elements;
    const b = camera.projectionMatrix.elements;
    let changed = last[32] !== w || last[33] !== h;
    for (let i = 0; i < 16; i++) {
      if (last[i] !== a[i] || last[16 + i] !== b[i]) changed = true;
      last[i] = a[i]!;
      last[16 + i] = b[i]!;
    }
    last[32] = w;
    last[33] = h;
    return changed;
  }
}
