// Run exporters: JSON (replayable), CSV (time series, contacts) and CZML (CesiumJS). Public API of src/sim/export.
// Pure: re-exports only; no Node or DOM APIs.
export {
  MODE_SERIES_KEYS,
  RUN_SERIES_KEYS,
  RunJsonError,
  parseRunJson,
  roundSignificant,
  runSummarySchema,
  SUMMARY_SIGNIFICANT_DIGITS,
  runToJson,
  stableJson,
  summaryToJson,
} from './json-export.ts';
export { CONTACTS_CSV_HEADER, CSV_EOL, contactsToCsv, csvField, csvNumber, seriesCsvHeader, seriesToCsv, snakeCase } from './csv-export.ts';
export { CZML_COLORS, orbitalPeriodS, runToCzml, type CzmlOptions, type CzmlOrbitSamples } from './czml-export.ts';
