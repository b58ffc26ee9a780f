// The protocol between the browser app and the simulation worker (and the main-thread fallback):
// requests and replies carry a run id so stale replies from a superseded run are dropped by the client.
// Types only. The definitions live in src/sim/api/protocol.ts so the pure API object (src/sim/api/sim-api.ts)
// can implement them without importing from workers/ (imports flow app → workers → sim).
export type * from '../src/sim/api/protocol.ts';
// The orbit-view workers (workers/orbit.worker.ts): slices of constellations too large to simulate in the browser.
export type { OrbitFillRequest, OrbitOpenReply, OrbitOpenRequest, OrbitSliceKeyframes, OrbitViewApi } from '../src/sim/api/orbit-view-api.ts';
