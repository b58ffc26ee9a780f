// Onboard / ground / hybrid toggle: three buttons with aria-pressed; all modes are in the same run, so switching
// only changes what the view and the numbers show.
import { processingModes } from '../../sim/scenario/schema.ts';
import { useUi, useUiStore } from '../store.ts';
import { MODE_HINTS, MODE_LABELS, MODE_ORDER } from './modes.ts';

export function ModeToggle() {
  const store = useUiStore();
  const mode = useUi(store, (s) => s.mode);
  return (
    <div className="mode-toggle" role="group" aria-label="Processing mode">
      {MODE_ORDER.filter((m) => processingModes.includes(m)).map((m) => (
        <button
          key={m}
          type="button"
          className={`mode-btn mode-${m}`}
          data-testid={`mode-${m}`}
          aria-pressed={mode === m}
          title={MODE_HINTS[m]}
          onClick={() => store.setState({ mode: m })}
        >
          {MODE_LABELS[m]}
        </button>
      ))}
    </div>
  );
}
