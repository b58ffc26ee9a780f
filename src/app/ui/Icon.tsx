// Small inline SVG icons for the playback buttons (no icon font: headless and minimal systems lack the glyphs).

const PATHS = {
  start: 'M3 2h2v12H3zM14 2v12L6 8z',
  back: 'M8 2v12L1 8zM15 2v12L8 8z',
  forward: 'M1 2v12l7-6zM8 2v12l7-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
