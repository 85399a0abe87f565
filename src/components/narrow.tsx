import * as React from 'react';

/** Below this width (CSS px) the views lay out for a phone: stacked rows, the header folded, filters in a panel. */
export const NARROW_WIDTH = 600;

const NarrowContext = React.createContext(false);

/** Tells the views inside whether they are laid out narrow. */
export const NarrowProvider = NarrowContext.Provider;

/** Whether the surrounding web part (or panel) is narrower than NARROW_WIDTH. */
export function useNarrow(): boolean {
  return React.useContext(NarrowContext);
}

/**
 * Whether an element is narrower than NARROW_WIDTH, followed as it is resized; the
 * element is given by the returned ref. Its own width, not the screen's: a web part in a
 * narrow section of a wide page is narrow too. Wide where the browser cannot say (no
 * ResizeObserver).
 */
export function useNarrowElement(): [boolean, React.RefCallback<HTMLElement>] {
  // Held as state, not a ref object: a panel's content mounts after the panel itself.
  const [element, setElement] = React.useState<HTMLElement | null>(null);
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    // Measured before the first paint, so a phone never sees the wide layout flash by.
    setNarrow(element.getBoundingClientRect().width < NARROW_WIDTH);
    const observer = new ResizeObserver(([entry]) => setNarrow(entry.contentRect.width < NARROW_WIDTH));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [narrow, setElement];
}
