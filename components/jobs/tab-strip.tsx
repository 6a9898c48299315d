"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The job's tab strip: on a narrow screen the tabs scroll sideways, and the current one is kept in
 * view when it changes (opening the last tab from a link would otherwise leave it off screen) and when
 * the strip changes width (a phone turned, a window resized). Only the strip scrolls, never the page;
 * the list is `relative` so the tabs' offsets are measured from it.
 */
export function TabStrip({ current, children }: { current: string; children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const strip = list.current;
    if (!strip) return;
    const reveal = () => {
      const active = strip.querySelector<HTMLElement>('[aria-current="page"]');
      if (!active) return;
      const left = active.offsetLeft;
      const right = left + active.offsetWidth;
      if (left < strip.scrollLeft) strip.scrollLeft = Math.max(0, left - 16);
      else if (right > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = right - strip.clientWidth + 16;
    };
    reveal();
    const resized = new ResizeObserver(reveal);
    resized.observe(strip);
    return () => resized.disconnect();
  }, [current]);
  return (
    <ul ref={list} className="relative -mb-px flex gap-1 overflow-x-auto overscroll-x-contain [scrollbar-width:thin]">
      {children}
    </ul>
  );
}
