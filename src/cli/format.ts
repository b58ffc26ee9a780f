// Human-readable CLI output of ingestion issues. The run summary table is src/sim/report/summary-table.ts.
import type { IngestIssue } from '../sim/catalog/types.ts';

/** Issues grouped: errors first, at most `limit` lines, then a count by code. */
export function formatIssues(issues: readonly IngestIssue[], limit = 20): string {
  if (issues.length === 0) return '';
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const shown = [...errors, ...warnings].slice(0, limit).map((i) => `  ${i.severity}: ${i.message}`);
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  const more = issues.length > limit ? [`  … and ${issues.length - limit} more`] : [];
  return [
    `input: ${errors.length} item(s) quarantined, ${warnings.length} warning(s) (${[...byCode].map(([c, n]) => `${c} ×${n}`).join(', ')})`,
    ...shown,
    ...more,
    '',
  ].join('\n');
}
