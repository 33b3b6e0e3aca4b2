import { type RefObject, useEffect, useState } from "react";

/**
 * Whether the element's content is wider than the element, so it scrolls sideways (a wide
 * table on a phone), kept current as either resizes. Such a box must be reachable by keyboard
 * (axe `scrollable-region-focusable`); one that fits needs no extra tab stop.
 *
 * @example
 * const box = useRef<HTMLDivElement>(null);
 * const scrolls = useScrollsSideways(box);
 * <div ref={box} tabIndex={scrolls ? 0 : undefined}>…</div>
 */
export function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
