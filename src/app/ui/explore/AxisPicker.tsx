// Picks a swept parameter: the registry list grouped by the stage it reruns (prices say "instant"), its unit and
// source, and its range and number of points (defaults from the registry, editable). Each number field keeps its text
// while typing and reports a value once the text is a number.
import { useEffect, useRef, useState } from 'react';
import type { StudyParamInfo } from '../../../../workers/protocol.ts';
import type { StageName } from '../../../sim/engine/stage-reads.ts';
import { defaultAxis, type ExploreAxis } from '../../explore/explore-study.ts';
import { parseNumberInput } from '../scenario-draft.ts';

/** What a point of a parameter of each stage costs to compute (measured on the default scenario, docs/parts/ui.md). */
export const STAGE_COST: Record<StageName, string> = {
  pricing: 'instant: reprices the run',
  processing: 'reruns the processing (tens of ms a point)',
  routing: 'reruns the ISL routing and processing (≈ 0.1 s a point)',
  schedule: 'reruns the antenna schedule onwards (≈ 0.2–0.3 s a point)',
  geometry: 'reruns the orbits and contacts onwards (≈ 0.3 s a point)',
  catalogue: 'reruns everything',
  summary: 'instant',
};

const GROUPS: readonly { stage: StageName; title: string }[] = [
  { stage: 'pricing', title: 'Prices (instant)' },
  { stage: 'processing', title: 'Processing' },
  { stage: 'routing', title: 'ISL routing' },
  { stage: 'schedule', title: 'Antenna schedule' },
  { stage: 'geometry', title: 'Orbits and contacts' },
];

interface Props {
  id: string;
  label: string;
  axis: ExploreAxis | null;
  params: readonly StudyParamInfo[];
  /** Offer "none" (the optional second parameter). */
  optional?: boolean;
  /** Most points (the second parameter: a few curves). */
  maxN: number;
  /** Points of a newly picked parameter (default: its stage's, defaultPoints), at most maxN. */
  pickedN?: number;
  /** A path not to offer (the other axis). */
  exclude?: string | undefined;
  onChange(axis: ExploreAxis | null): void;
}

export function AxisPicker({ id, label, axis, params, optional, maxN, pickedN, exclude, onChange }: Props) {
  const p = axis ? params.find((x) => x.path === axis.path) : undefined;
  const pick = (path: string) => {
    const def = params.find((x) => x.path === path);
    const fresh = def && defaultAxis(def, def.stage);
    onChange(fresh ? { ...fresh, n: Math.min(maxN, pickedN ?? fresh.n) } : null);
  };
  return (
    <fieldset className="axis-picker">
      <legend>{label}</legend>
      <select id={id} data-testid={id} aria-label={label} value={axis?.path ?? ''} onChange={(e) => pick(e.target.value)}>
        {optional && <option value="">none</option>}
        {GROUPS.map((g) => (
          <optgroup key={g.stage} label={g.title}>
            {params
              .filter((x) => x.stage === g.stage && x.path !== exclude)
              .map((x) => (
                <option key={x.path} value={x.path}>
                  {x.label} ({x.unit})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {axis && p && (
        <>
          <div className="row">
            <NumberText id={`${id}-low`} label="from" value={axis.low} onValue={(low) => onChange({ ...axis, low })} />
            <NumberText id={`${id}-high`} label="to" value={axis.high} onValue={(high) => onChange({ ...axis, high })} />
            <NumberText id={`${id}-n`} label="points" value={axis.n} integer max={maxN} onValue={(n) => onChange({ ...axis, n })} />
            <span className="muted small">{p.scale === 'log' ? 'log-spaced' : 'evenly spaced'}</span>
          </div>
          <p className="muted small hint">
            <code>{p.path}</code> · run value {[...new Set(p.base)].join(', ')} {p.unit} · {STAGE_COST[p.stage]}
            <br />
            Range: {p.source}
          </p>
        </>
      )}
    </fieldset>
  );
}

interface NumberTextProps {
  id: string;
  label: string;
  value: number;
  integer?: boolean;
  max?: number;
  onValue(v: number): void;
}

/** A number typed as text ("1,5" and "1 000" read as 1.5 and 1000): its own text while focused. */
export function NumberText({ id, label, value, integer, max, onValue }: NumberTextProps) {
  const [text, setText] = useState(String(value));
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(String(value));
  }, [value]);
  const parsed = parseNumberInput(text);
  const ok = (x: number | null): x is number => x !== null && (!integer || (Number.isInteger(x) && x >= 1)) && (max === undefined || x <= max);
  return (
    <label className="number-text" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="decimal"
        size={integer ? 3 : 9}
        value={text}
        aria-invalid={text.trim() !== '' && !ok(parsed)}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          setText(String(value));
        }}
        onChange={(e) => {
          setText(e.target.value);
          const x = parseNumberInput(e.target.value);
          if (ok(x) && x !== value) onValue(x);
        }}
      />
    </label>
  );
}
