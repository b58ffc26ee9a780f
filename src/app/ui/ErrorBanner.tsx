// A dismissible banner for worker and run failures (store.errorMessage). The scenario draft is kept.
import { useUi, useUiStore } from '../store.ts';

export function ErrorBanner() {
  const store = useUiStore();
  const message = useUi(store, (s) => s.errorMessage);
  if (message === null) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>{message}</span>
      <span className="muted"> Your scenario is kept; press Run to try again.</span>
      <button type="button" aria-label="Dismiss error" onClick={() => store.setState({ errorMessage: null })}>
        ×
      </button>
    </div>
  );
}
