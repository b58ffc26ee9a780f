// Satellite search (re-exported from the pure core, where the orbit workers use it too).
export { searchSatellites, type Searchable } from '../../sim/catalog/search.ts';
