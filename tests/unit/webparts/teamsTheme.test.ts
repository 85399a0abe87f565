/**
 * Following the Teams theme: a Teams client that cannot give its context, or take the theme
 * handler, must not stop the web part (it keeps the section's theme).
 */
import { ITeamsApp, followTeamsTheme } from '../../../src/webparts/improvementPlan/teamsTheme';

function teamsApp(overrides: Partial<ITeamsApp> = {}): ITeamsApp & { changeTheme: (name: string) => void } {
  let handler: (theme: string) => void = () => undefined;
  return {
    getContext: async () => ({ app: { theme: 'dark' } }),
    registerOnThemeChangeHandler: (registered) => {
      handler = registered;
    },
    ...overrides,
    changeTheme: (name) => handler(name)
  };
}

describe('followTeamsTheme', () => {
  it('applies the current Teams theme, then each change', async () => {
    const app = teamsApp();
    const apply = jest.fn();
    await followTeamsTheme(app, apply);
    expect(apply).toHaveBeenCalledWith('dark');
    app.changeTheme('contrast');
    expect(apply).toHaveBeenLastCalledWith('contrast');
  });

  it('keeps the section theme when Teams cannot give its context, and still follows later changes', async () => {
    const app = teamsApp({ getContext: () => Promise.reject(new Error('SDK initialization timed out.')) });
    const apply = jest.fn();
    await expect(followTeamsTheme(app, apply)).resolves.toBeUndefined();
    expect(apply).not.toHaveBeenCalled();
    app.changeTheme('dark');
    expect(apply).toHaveBeenCalledWith('dark');
  });

  it('keeps the section theme when asking for the context throws at once', async () => {
    const apply = jest.fn();
    const app = teamsApp({
      getContext: () => {
        throw new Error('The library has not yet been initialized');
      }
    });
    await expect(followTeamsTheme(app, apply)).resolves.toBeUndefined();
    expect(apply).not.toHaveBeenCalled();
  });

  it('still shows the current theme when the change handler cannot be registered', async () => {
    const apply = jest.fn();
    const app = teamsApp({
      registerOnThemeChangeHandler: () => {
        throw new Error('registerOnThemeChangeHandler is not supported in this host');
      }
    });
    await expect(followTeamsTheme(app, apply)).resolves.toBeUndefined();
    expect(apply).toHaveBeenCalledWith('dark');
  });
});
