import { useLayoutEffect, useRef, type RefObject } from "react";

/** A ref that always holds the value of the last committed render (for listeners and timers). */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
