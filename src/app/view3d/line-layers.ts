// Per-frame lines: live downlinks (satellite → station, for sessions active now) and the selected
// satellite's orbit track. Preallocated buffers, positions from the keyframes (same Hermite as the shader).
// No React; reads the run and a KeyframeIndex.
import * as THREE from 'three';
import type { RunResult } from '../../sim/engine/result-types.ts';
import { geodeticToEcefKm } from '../../sim/orbit/frames.ts';
import type { KeyframeIndex } from './keyframe-index.ts';
import { DOWNLINK_LINE_COLOR, hexToRgb } from './marker-style.ts';
import { TRACK_SAMPLES, writeTrack } from './orbit-track.ts';
import { circularPeriodS, KM_PER_UNIT, UNITS_PER_KM } from './scene-units.ts';
import { SessionSchedule } from './session-schedule.ts';

const satKm = new Float64Array(3);
const stationKm = new Float64Array(3);

/** Lines from each satellite in a downlink session to its station, updated every frame. */
export class DownlinkLines {
  readonly lines: THREE.LineSegments;
  private readonly schedule = new SessionSchedule();
  private active = new Int32Array(1);
  private stationsUnits = new Float32Array(0);
  private positions = new Float32Array(6);

  constructor() {
    this.lines = new THREE.LineSegments(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: DOWNLINK_LINE_COLOR }));
    this.lines.frustumCulled = false;
    this.lines.name = 'downlinks';
    this.allocate(1);
  }

  /** On run change: index sessions; room for as many lines as there are antennas. */
  setRun(run: RunResult | null): void {
    this.schedule.rebuild(run?.sessions ?? []);
    const stations = run?.scenario.groundStations ?? [];
    this.stationsUnits = new Float32Array(stations.length * 3);
    stations.forEach((g, i) => {
      geodeticToEcefKm(g.latDeg, g.lonDeg, g.altM / 1000, stationKm, 0);
      for (let k = 0; k < 3; k++) this.stationsUnits[i * 3 + k] = stationKm[k]! * UNITS_PER_KM;
    });
    this.allocate(
      Math.max(
        1,
        stations.reduce((n, g) => n + g.antennas, 0),
      ),
    );
  }

  /** Per frame: one segment per active session with a drawable satellite. */
  update(timeMs: number, index: KeyframeIndex): void {
    const n = this.schedule.activeAt(timeMs, this.active);
    let drawn = 0;
    for (let j = 0; j < n; j++) {
      const s = this.schedule.sessions[this.active[j]!]!;
      if (!index.positionKm(s.satIndex, timeMs, satKm)) continue;
      const o = drawn * 6;
      for (let k = 0; k < 3; k++) {
        this.positions[o + k] = satKm[k]! * UNITS_PER_KM;
        this.positions[o + 3 + k] = this.stationsUnits[s.stationIndex * 3 + k] ?? 0;
      }
      drawn++;
    }
    const g = this.lines.geometry;
    g.setDrawRange(0, drawn * 2);
    if (drawn > 0) (g.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true;
  }

  dispose(): void {
    this.lines.geometry.dispose();
    (this.lines.material as THREE.Material).dispose();
  }

  private allocate(maxLines: number): void {
    this.active = new Int32Array(maxLines);
    this.positions = new Float32Array(maxLines * 6);
    const attr = new THREE.BufferAttribute(this.positions, 3);
    attr.setUsage(THREE.DynamicDrawUsage);
    this.lines.geometry.setAttribute('position', attr);
    this.lines.geometry.setDrawRange(0, 0);
  }
}

const TRACK_VERTEX = /* glsl */ `
attribute float aFade;
varying float vFade;
void main() {
  vFade = aFade;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;
const TRACK_FRAGMENT = /* glsl */ `
uniform vec3 uColor;
varying float vFade;
void main() { gl_FragColor = vec4(uColor * vFade, 1.0); }
`;

/** The selected satellite's track over ± one orbital period; resampled when the selection or keyframe pair changes. */
export class OrbitTrackLine {
  readonly lines: THREE.LineSegments;
  private readonly positions = new Float32Array((TRACK_SAMPLES - 1) * 6);
  private readonly fade = new Float32Array((TRACK_SAMPLES - 1) * 2);
  private lastSat = -2;
  private lastK0 = -2;
  private lastVersion = -1;

  constructor() {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(this.positions, 3).setUsage(THREE.DynamicDrawUsage));
    g.setAttribute('aFade', new THREE.BufferAttribute(this.fade, 1).setUsage(THREE.DynamicDrawUsage));
    g.setDrawRange(0, 0);
    const m = new THREE.ShaderMaterial({
      vertexShader: TRACK_VERTEX,
      fragmentShader: TRACK_FRAGMENT,
      uniforms: { uColor: { value: new THREE.Vector3(...hexToRgb('#ffffff')) } },
    });
    this.lines = new THREE.LineSegments(g, m);
    this.lines.frustumCulled = false;
    this.lines.name = 'orbit-track';
  }

  /** Per frame; resamples only when satellite, keyframe pair or data version changed. */
  update(sat: number | null, timeMs: number, k0: number, version: number, index: KeyframeIndex, run: RunResult | null): void {
    const s = sat ?? -1;
    if (s === this.lastSat && k0 === this.lastK0 && version === this.lastVersion) return;
    this.lastSat = s;
    this.lastK0 = k0;
    this.lastVersion = version;
    const g = this.lines.geometry;
    if (s < 0 || s >= index.satCount) {
      g.setDrawRange(0, 0);
      return;
    }
    const periodMs = this.periodS(s, timeMs, index, run) * 1000;
    const segments = Number.isFinite(periodMs)
      ? writeTrack(index, s, timeMs - periodMs, timeMs + periodMs, timeMs, TRACK_SAMPLES, this.positions, this.fade)
      : 0;
    g.setDrawRange(0, segments * 2);
    (g.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true;
    (g.getAttribute('aFade') as THREE.BufferAttribute).needsUpdate = true;
  }

  dispose(): void {
    this.lines.geometry.dispose();
    (this.lines.material as THREE.Material).dispose();
  }

  /** Period from the run's mean altitude (circular orbit), else from the current radius. */
  private periodS(sat: number, timeMs: number, index: KeyframeIndex, run: RunResult | null): number {
    const alt = run?.satellites[sat]?.meanAltitudeKm;
    if (alt !== undefined && Number.isFinite(alt)) return circularPeriodS(KM_PER_UNIT + alt);
    if (!index.positionKm(sat, timeMs, satKm)) return NaN;
    return circularPeriodS(Math.hypot(satKm[0]!, satKm[1]!, satKm[2]!));
  }
}
