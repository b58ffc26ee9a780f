// The key parameters of the scenario draft (TOPS, downlink, antenna scheduler, GPU pricing and prices, price paths, PUE,
// launch $/kg, sale price, storage, dispatch, the hubs' tariffs, duration, seed). Each field keeps its own text while
// typing and writes the draft when the text is a number.
import { useEffect, useRef, useState } from 'react';
import { useUi, useUiStore } from '../store.ts';
import {
  DISPATCH_POLICIES,
  DRAFT_PARAMS,
  GPU_PRICING_MODELS,
  SCHEDULER_POLICIES,
  setGpuPricing,
  parseNumberInput,
  readDraftValues,
  setDispatchPolicy,
  setDownlinkKind,
  setDraftParam,
  setHoldForCheaperHour,
  setSchedulerPolicy,
  setTariffs,
  type SchedulerPolicy,
  type DraftParam,
  type DraftParamKey,
} from './scenario-draft.ts';

const byKey = (k: DraftParamKey) => DRAFT_PARAMS.find((p) => p.key === k)!;

/** What each antenna scheduler does, in a few words (docs/model.md §5). */
const SCHEDULER_LABELS: Record<SchedulerPolicy, string> = {
  'first-come': 'first come, first served',
  priority: 'priority (data waiting and its age)',
  lookahead: 'look-ahead plan (default)',
};

export function ParamsForm() {
  const store = useUiStore();
  const draft = useUi(store, (s) => s.scenarioDraft);
  const v = readDraftValues(draft);
  const edit = (next: typeof draft) => store.setState({ scenarioDraft: next, presetName: 'custom' });
  const field = (key: DraftParamKey, placeholder?: string) => (
    <NumberField key={key} param={byKey(key)} value={v[key]} placeholder={placeholder} onCommit={(x) => edit(setDraftParam(draft, key, x))} />
  );
  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      {field('topsInt8')}
      <label className="param">
        <span>Downlink model</span>
        <select value={v.downlinkKind} onChange={(e) => edit(setDownlinkKind(draft, e.target.value as 'shannon' | 'fixed'))}>
          <option value="shannon">Link budget (Shannon)</option>
          <option value="fixed">Fixed rate</option>
        </select>
      </label>
      {v.downlinkKind === 'fixed' ? field('downlinkRateMbps') : field('downlinkTxPowerW')}
      <ChoiceField
        label="Antenna scheduler"
        testId="param-scheduler"
        value={v.scheduler}
        options={SCHEDULER_POLICIES}
        text={(p) => SCHEDULER_LABELS[p]}
        onChange={(p) => edit(setSchedulerPolicy(draft, p))}
      />
      <ChoiceField
        label="GPU pricing"
        testId="param-gpuPricing"
        value={v.gpuPricing}
        options={GPU_PRICING_MODELS}
        onChange={(p) => edit(setGpuPricing(draft, p))}
      />
      {v.gpuPricing === 'per-token' ? [field('usdPerMTokInput'), field('usdPerMTokOutput')] : field('gpuUsdPerHour')}
      {field('gpuRentChangePerYear')}
      {field('pue', v.pueRange ? `mixed ${v.pueRange[0]}–${v.pueRange[1]}` : undefined)}
      {field('launchUsdPerKg')}
      {field('launchChangePerYear')}
      {field('saleUsdPerMTok', 'none')}
      {field('storageGB')}
      <ChoiceField label="Dispatch policy" value={v.policy} options={DISPATCH_POLICIES} onChange={(p) => edit(setDispatchPolicy(draft, p))} />
      {v.policy === 'cheapest-power' ? (
        <>
          {field('deadlineS')}
          <label className="param">
            <span>Hold for a cheaper hour</span>
            <select value={v.holdForCheaperHour ? 'yes' : 'no'} onChange={(e) => edit(setHoldForCheaperHour(draft, e.target.value === 'yes'))}>
              <option value="yes">yes, within the deadline</option>
              <option value="no">no</option>
            </select>
          </label>
        </>
      ) : (
        field('maxQueueWaitS')
      )}
      <label className="param">
        <span>Hub electricity</span>
        <select value={v.tariffs} onChange={(e) => e.target.value !== 'custom' && edit(setTariffs(draft, e.target.value as 'flat' | 'published'))}>
          <option value="flat">Flat price all day</option>
          <option value="published">Time-of-use (east: Zhejiang, west: Xinjiang)</option>
          {v.tariffs === 'custom' && <option value="custom">Time-of-use (the scenario's own)</option>}
        </select>
      </label>
      {v.tariffs !== 'flat' && field('touValleyFactor', v.touValleyRange ? `mixed ${v.touValleyRange[0]}–${v.touValleyRange[1]}` : undefined)}
      {field('durationH')}
      {field('seed')}
    </fieldset>
  );
}

/** A select of one of a schema's choices (`text` names an option; default: the choice itself). */
function ChoiceField<T extends string>(p: { label: string; testId?: string; value: T; options: readonly T[]; text?: (o: T) => string; onChange(v: T): void }) {
  return (
    <label className="param">
      <span>{p.label}</span>
      <select data-testid={p.testId} value={p.value} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {p.text ? p.text(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

interface NumberFieldProps {
  param: DraftParam;
  value: number | undefined;
  placeholder?: string | undefined;
  onCommit(v: number): void;
}

function NumberField({ param, value, placeholder, onCommit }: NumberFieldProps) {
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(shown);
  }, [shown]);
  const parsed = parseNumberInput(text);
  const invalid = text.trim() !== '' && (parsed === null || (param.integer === true && !Number.isInteger(parsed)));
  const id = `param-${param.key}`;
  return (
    <label className="param" htmlFor={id}>
      <span>
        {param.label} {param.unit && <span className="muted">({param.unit})</span>}
      </span>
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        title={param.path}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          setText(shown);
        }}
        onChange={(e) => {
          setText(e.target.value);
          const x = parseNumberInput(e.target.value);
          if (x !== null && (!param.integer || Number.isInteger(x)) && x !== value) onCommit(x);
        }}
      />
    </label>
  );
}
