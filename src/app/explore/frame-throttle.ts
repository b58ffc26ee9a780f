// Runs a function with the latest value pushed, at most once per animation frame: values pushed between two frames
// are dropped but the last (a slider dragged across many values asks for one update per frame). Pure: the frame
// scheduler is injected (requestAnimationFrame in the page, a fake in tests).
export interface FrameThrottle<T> {
  push(value: T): void;
  /** Drops a value waiting for its frame. */
  drop(): void;
}

export function createFrameThrottle<T>(requestFrame: (callback: () => void) => unknown, run: (value: T) => void): FrameThrottle<T> {
  let scheduled = false;
  let waiting: { value: T } | null = null;
  const onFrame = () => {
    scheduled = false;
    const w = waiting;
    waiting = null;
    if (w) run(w.value);
  };
  return {
    push(value) {
      waiting = { value };
      if (scheduled) return;
      scheduled = true;
      requestFrame(onFrame);
    },
    drop() {
      waiting = null;
    },
  };
}
