// Sliders for the prices a sweep does not vary: dragging one updates the curves while it moves (each update one
// instant studyPoints call, at most one per frame and one in flight: the sweep panel's), releasing it (or a key) keeps
// the value in the study (and the URL). Each slider shows its value; Reset goes back to the run's own value. Model
// choices priced alone (how hub GPUs are paid for) are a select above them, held the same way.
import { useRef, useState } from 'react';
import type { StudyParamInfo } from '../../../../workers/protocol.ts';
import type { Assignment } from '../../../sim/study/apply.ts';
import type { ChoiceDef } from '../../../sim/study/params.ts';
import { formatParamValue } from '../../explore/crossover.ts';
import { sliderPosition, sliderValue, SLIDER_STEPS } from '../../explore/slider-scale.ts';

/** A model choice the sliders hold, with the run's own name. */
export interface HeldChoice {
  def: ChoiceDef;
  run: string;
}

interface Props {
  params: readonly StudyParamInfo[];
  choices: readonly HeldChoice[];
  fixed: readonly Assignment[];
  /** While dragging: the prices held, with this one's new value. */
  onLive(fixed: Assignment[]): void;
  /** On release (or Reset): the prices to keep. */
  onCommit(fixed: Assignment[]): void;
}

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

const withValue = (fixed: readonly Assignment[], path: string, value: number | null): Assignment[] => [
  ...fixed.filter((f) => f.path !== path),
  ...(value === null ? [] : [{ path, value }]),
];

export function PriceSliders({ params, choices, fixed, onLive, onCommit }: Props) {
  if (params.length === 0 && choices.length === 0) return null;
  return (
    <fieldset className="price-sliders">
      <legend>Prices held (drag: the curves follow)</legend>
      {choices.map(({ def, run }) => {
        const held = fixed.find((f) => f.path === def.path);
        const name = held === undefined ? run : (def.choices[held.value] ?? run);
        const slug = def.path.replace(/\./g, '-');
        return (
          <label key={def.path} className="param" htmlFor={`choice-${slug}`}>
            <span>
              {def.label} {held !== undefined && <span className="muted small">(run: {run})</span>}
            </span>
            <select
              id={`choice-${slug}`}
              data-testid={`choice-${slug}`}
              value={name}
              onChange={(e) => onCommit(withValue(fixed, def.path, e.target.value === run ? null : def.choices.indexOf(e.target.value)))}
            >
              {def.choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                  {c === run ? ' (the run)' : ''}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {params.map((p) => {
        const held = fixed.find((f) => f.path === p.path);
        return (
          <PriceSlider
            key={p.path}
            p={p}
            value={held?.value ?? null}
            onLive={(v) => onLive(withValue(fixed, p.path, v))}
            onCommit={(v) => onCommit(withValue(fixed, p.path, v))}
          />
        );
      })}
    </fieldset>
  );
}

interface SliderProps {
  p: StudyParamInfo;
  /** The value held, or null for the run's own. */
  value: number | null;
  onLive(v: number): void;
  onCommit(v: number | null): void;
}

function PriceSlider({ p, value, onLive, onCommit }: SliderProps) {
  const runValue = p.base.reduce((a, b) => a + b, 0) / Math.max(1, p.base.length);
  const current = value ?? runValue;
  const [shown, setShown] = useState(current);
  const ref = useRef<HTMLInputElement>(null);
  const slug = p.path.replace(/\[\*\]/g, '').replace(/\./g, '-');
  const [synced, setSynced] = useState(current);
  if (synced !== current) {
    setSynced(current); // held elsewhere (reset, another study): show it
    setShown(current);
  }
  // Kept on release (pointer up) and after each key (arrows, Home, End, Page Up/Down); React re-sets the controlled
  // value while dragging, so the native change event cannot be relied on.
  const commit = () => onCommit(sliderValue(Number(ref.current!.value), p));
  return (
    <div className="price-slider">
      <label htmlFor={`slider-${slug}`}>
        {p.label} <output data-testid={`slider-value-${slug}`}>{formatParamValue(shown, p)}</output>
        {value !== null && <span className="muted small"> (run: {formatParamValue(runValue, p)})</span>}
      </label>
      <div className="row">
        <input
          ref={ref}
          id={`slider-${slug}`}
          data-testid={`slider-${slug}`}
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={sliderPosition(shown, p)}
          aria-valuetext={formatParamValue(shown, p)}
          onChange={(e) => {
            const v = sliderValue(Number(e.target.value), p);
            setShown(v);
            onLive(v);
          }}
          onPointerUp={commit}
          onKeyUp={(e) => SLIDER_KEYS.has(e.key) && commit()}
        />
        <button type="button" className="link small" disabled={value === null} onClick={() => onCommit(null)} title="Back to the run's own value">
          Reset
        </button>
      </div>
    </div>
  );
}
