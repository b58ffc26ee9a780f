// Composes the 3D view's layers under one Earth-fixed group and updates them from the frame buffer and what is
// shown once per frame (the only per-frame entry point). No React: GlobeScene.tsx calls update() from useFrame.
import * as THREE from 'three';
import type { FrameBuffer } from '../frame-buffer.ts';
import { shownScenario, type Shown } from '../shown.ts';
import type { RunResult } from '../../sim/engine/result-types.ts';
import type { UiState } from '../store.ts';
import { GlobeLayer } from './globe-layer.ts';
import { GpuPicker } from './gpu-picker.ts';
import { GroundLabels } from './ground-labels.ts';
import { GroundLayer, groundSites } from './ground-layer.ts';
import { shellAltitudeKm } from './footprint.ts';
import { IslLayer } from './isl-layer.ts';
import { DownlinkLines, OrbitTrackLine } from './line-layers.ts';
import { RouteLine } from './route-layer.ts';
import { glRowUploader } from './row-upload.ts';
import { SatelliteLayer } from './satellite-layer.ts';
import { ECEF_TO_SCENE_ROT_X_RAD } from './scene-units.ts';
import { sunDirectionEcef } from './sun-direction.ts';

const sun = new Float64Array(3);

export class GlobeSceneCore {
  /** Earth-fixed group: children are in ECEF scene units; rotated so north is scene +y. */
  readonly earth = new THREE.Group();
  readonly globe = new GlobeLayer();
  readonly satellites = new SatelliteLayer();
  readonly picker: GpuPicker;
  private readonly ground = new GroundLayer();
  private readonly downlinks = new DownlinkLines();
  private readonly track = new OrbitTrackLine();
  private readonly isls: IslLayer;
  private readonly route = new RouteLine();
  private readonly labels: GroundLabels | null;
  private shown: Shown | null = null;
  private run: RunResult | null = null;
  private shellAltKm = NaN;

  constructor(labelContainer: HTMLElement | null) {
    this.earth.rotation.x = ECEF_TO_SCENE_ROT_X_RAD;
    this.isls = new IslLayer(this.satellites.keyframeUniforms);
    this.earth.add(this.globe.group, this.ground.group, this.isls.lines, this.downlinks.lines, this.track.lines, this.route.line, this.satellites.points);
    this.picker = new GpuPicker(this.globe.ocean, this.satellites.idPoints);
    this.labels = labelContainer ? new GroundLabels(labelContainer) : null;
  }

  /** Streams keyframes ahead in bands of rows through `renderer` (GlobeScene sets it once the renderer exists). */
  setRenderer(renderer: THREE.WebGLRenderer): void {
    this.satellites.uploader = glRowUploader(renderer);
    this.satellites.clockMs = () => performance.now(); // wall time only sizes upload bands, never sim state
  }

  /** Per frame. `shown` is shown.current and `ui` store.getState() (no subscription, no allocation). */
  update(fb: FrameBuffer, shown: Shown, ui: UiState, camera: THREE.Camera, widthPx: number, heightPx: number, pixelRatio: number): void {
    if (shown !== this.shown) this.setShown(shown);
    const run = this.run;
    sunDirectionEcef(fb.simTimeMs, sun);
    this.globe.setSunDirection(sun[0]!, sun[1]!, sun[2]!);
    this.satellites.update(fb, shown, ui.mode, ui.selectedSat, pixelRatio);
    const index = this.satellites.index;
    this.isls.update(fb.version, index, this.satellites.pair, ui.showIsls);
    this.downlinks.update(fb.simTimeMs, index);
    this.route.update(fb.route, ui.selectedSat, shown.kind === 'run' ? shown.runId : -1, fb.simTimeMs, index);
    this.track.update(ui.selectedSat, fb.simTimeMs, this.satellites.pair.k0, fb.version, index, run);
    this.ground.setPixelRatio(pixelRatio);
    this.ground.setFootprints(ui.showFootprints, run?.scenario.groundStations, this.shellAltKm);
    this.labels?.update(camera, widthPx, heightPx);
  }

  /** True when the frame just updated draws satellites (set data-frame-ready after it is rendered). */
  get drawsSatellites(): boolean {
    return this.satellites.drawnCount > 0;
  }

  dispose(): void {
    this.globe.dispose();
    this.satellites.dispose();
    this.picker.dispose();
    this.ground.dispose();
    this.downlinks.dispose();
    this.track.dispose();
    this.isls.dispose();
    this.route.dispose();
    this.labels?.dispose();
  }

  /** What is shown changed: its stations and hubs, and (a run) its sessions and shell altitude. */
  private setShown(shown: Shown): void {
    this.shown = shown;
    const run = (this.run = shown.kind === 'run' ? shown.result : null);
    const scenario = shownScenario(shown);
    const sites = scenario ? groundSites(scenario) : [];
    this.ground.setSites(sites);
    this.labels?.setSites(sites);
    this.downlinks.setRun(run);
    this.route.setRun(run);
    this.shellAltKm = run ? shellAltitudeKm(run.satellites.map((s) => s.meanAltitudeKm)) : NaN;
  }
}
