import * as React from 'react';
import { PartialTheme, mergeStyles, useTheme } from '@fluentui/react';

/**
 * Themes for hosts that do not hand one over: Teams dark and high contrast (the
 * SharePoint page passes its section's theme instead). Palettes follow Teams' own.
 */
export const TEAMS_DARK_THEME: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5',
    themeLighterAlt: '#05050a',
    themeLighter: '#141527',
    themeLight: '#262849',
    themeTertiary: '#4c5093',
    themeSecondary: '#7075d7',
    themeDarkAlt: '#8c91f6',
    themeDark: '#9da2f7',
    themeDarker: '#b6b9f9',
    neutralLighterAlt: '#2b2b2b',
    neutralLighter: '#333333',
    neutralLight: '#3f3f3f',
    neutralQuaternaryAlt: '#474747',
    neutralQuaternary: '#4d4d4d',
    neutralTertiaryAlt: '#6b6b6b',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
};

export const TEAMS_HIGH_CONTRAST_THEME: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeDarkAlt: '#ffff33',
    themeDark: '#ffff66',
    themeDarker: '#ffff99',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000',
    neutralLighterAlt: '#000000',
    neutralLighter: '#0d0d0d',
    neutralLight: '#1a1a1a',
    neutralSecondary: '#ffffff',
    neutralTertiary: '#ffffff'
  }
};

/** The theme for a Teams theme name ("default", "dark", "contrast"); undefined keeps the page's. */
export function teamsTheme(name: string | undefined): PartialTheme | undefined {
  switch (name) {
    case 'dark':
      return TEAMS_DARK_THEME;
    case 'contrast':
      return TEAMS_HIGH_CONTRAST_THEME;
    default:
      return undefined;
  }
}

/**
 * A class for the element that takes the section's theme: a 2 px ring round whatever
 * has keyboard focus inside it, in the theme's body text colour (white on Teams dark
 * and high contrast, near-black on light: far above 3:1 against the background).
 * Fluent's own focus line is 1 px and faint, and some controls' own outline is more
 * specific than this class: hence `!important`.
 */
export function useFocusRing(): string {
  const theme = useTheme();
  return React.useMemo(() => mergeStyles({ selectors: { ':focus-visible, & :focus-visible': { outline: `2px solid ${theme.palette.neutralPrimary} !important`, outlineOffset: '1px' } } }), [theme]);
}
