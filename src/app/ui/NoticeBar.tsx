// A short, non-blocking notice of a fault the app recovered from by itself (store.notice): a worker restarted, the
// 3D view's WebGL context lost or restored. A polite live region (always present, so a new notice is announced).
import { useUi, useUiStore } from '../store.ts';

export function NoticeBar() {
  const store = useUiStore();
  const notice = useUi(store, (s) => s.notice);
  return (
    <div className={notice === null ? undefined : 'notice-bar'} role="status" aria-live="polite" data-testid="notice">
      {notice !== null && (
        <>
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss notice" onClick={() => store.setState({ notice: null })}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
