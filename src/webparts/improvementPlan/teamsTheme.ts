/** What the web part uses of the Teams SDK SPFx gives it (`context.sdks.microsoftTeams.teamsJs.app`). */
export interface ITeamsApp {
  getContext(): Promise<{ app: { theme?: string } }>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
}

/**
 * Follows the Teams theme: the current one, then each change. A Teams client that cannot
 * give its context, or take the handler, leaves the section's theme in place: the web part
 * still shows the plan.
 *
 * @param apply - shows the web part in the named Teams theme ('default', 'dark', 'contrast')
 */
export async function followTeamsTheme(app: ITeamsApp, apply: (themeName: string | undefined) => void): Promise<void> {
  let context: { app: { theme?: string } } | undefined;
  try {
    context = await app.getContext();
  } catch {
    // Teams could not say (an older client, a host still starting): the section's theme stays.
  }
  if (context) apply(context.app.theme);
  try {
    app.registerOnThemeChangeHandler(apply);
  } catch {
    // The theme stays as it is until the page is reloaded.
  }
}
