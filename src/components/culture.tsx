/**
 * The page's culture ("en-GB", "cy-GB", "en-US"): the language tag dates, numbers and
 * sorted names follow. The web part gives SharePoint's (the page context's culture), the
 * local page the browser's; views read it with `useCulture()` and pass it to the
 * formatting functions, which take it as a parameter.
 */
import * as React from 'react';

/** The culture where no page gave one: the councils' own, British order. */
export const DEFAULT_CULTURE = 'en-GB';

const CultureContext = React.createContext<string>(DEFAULT_CULTURE);

export interface ICultureProviderProps {
  /** A BCP 47 language tag; one the browser does not know falls back to DEFAULT_CULTURE. */
  culture: string | undefined;
  children?: React.ReactNode;
}

/** The culture this browser can format in: `culture` when it knows it, else DEFAULT_CULTURE. */
export function supportedCulture(culture: string | undefined): string {
  if (!culture) return DEFAULT_CULTURE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([culture]).length > 0 ? culture : DEFAULT_CULTURE;
  } catch {
    // A malformed tag ("en_GB") throws a RangeError.
    return DEFAULT_CULTURE;
  }
}

/** Gives every view below it the page's culture. */
export function CultureProvider({ culture, children }: ICultureProviderProps): JSX.Element {
  return <CultureContext.Provider value={supportedCulture(culture)}>{children}</CultureContext.Provider>;
}

/** The page's culture, for the formatting functions (format.ts, kpiText.ts). */
export function useCulture(): string {
  return React.useContext(CultureContext);
}
