import { useEffect, useState, type RefObject } from "react";

/** True while the pointer has moved, scrolled or pressed over the element within the last `ms`. */
export function usePointerActivity(ref: RefObject<HTMLElement | null>, ms: number): boolean {
  const [isActive, setIsActive] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poke = () => {
      setIsActive(true);
      clearTimeout(timer);
      timer = setTimeout(() => setIsActive(false), ms);
    };
    const events = ["pointermove", "pointerdown", "wheel"] as const;
    for (const name of events) element.addEventListener(name, poke, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) element.removeEventListener(name, poke);
    };
  }, [ref, ms]);
  return isActive;
}
