// A small SVG of a satellite state's marker (same colour and shape as on the globe, view3d/marker-style.ts),
// for the legend, the inspector and the table view.
import { Shape, SAT_STATE_STYLES, type MarkerStyle } from '../view3d/marker-style.ts';

const BY_LABEL = new Map(SAT_STATE_STYLES.map((s) => [s.label, s]));

export function StateIcon({ state }: { state: string | null }) {
  const style = state === null ? undefined : BY_LABEL.get(state);
  if (!style) return null;
  return (
    <svg className="state-icon" width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
      {shapeOf(style)}
    </svg>
  );
}

function shapeOf({ color, shape }: MarkerStyle) {
  const fill = { fill: color };
  const line = { fill: 'none', stroke: color, strokeWidth: 2 };
  switch (shape) {
    case Shape.ring:
      return <circle r="4" {...line} />;
    case Shape.square:
      return <rect x="-4" y="-4" width="8" height="8" {...fill} />;
    case Shape.squareFrame:
      return <rect x="-4" y="-4" width="8" height="8" {...line} />;
    case Shape.diamond:
      return <polygon points="0,-5.5 5.5,0 0,5.5 -5.5,0" {...fill} />;
    case Shape.diamondFrame:
      return <polygon points="0,-5 5,0 0,5 -5,0" {...line} />;
    case Shape.cross:
      return <path d="M-4,-4 L4,4 M4,-4 L-4,4" {...line} />;
    case Shape.triangle:
      return <polygon points="0,-5 5,4 -5,4" {...fill} />;
    default:
      return <circle r="4.5" {...fill} />;
  }
}

/** The legend of satellite states (colour + shape). */
export function StateLegend() {
  return (
    <ul className="legend" aria-label="Satellite states">
      {SAT_STATE_STYLES.map((s) => (
        <li key={s.label}>
          <StateIcon state={s.label} /> {s.label}
        </li>
      ))}
    </ul>
  );
}
