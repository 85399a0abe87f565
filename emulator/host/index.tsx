/**
 * The local host page: renders the web part's React root with the same services
 * (src/services/planServices.ts) and PnPjs, pointed at the emulator instead of a tenant. The page supplies
 * what SharePoint would (site URL, signed-in user, theme, today's date); a user
 * switcher signs in as another sample user (a cookie the emulator reads).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Dropdown, IDropdownOption, Link, PartialTheme, Stack, Text, setIconOptions } from '@fluentui/react';
import { SPFx, spfi } from '@pnp/sp';
import { ServiceScope } from '@microsoft/sp-core-library';
import { ImprovementPlanApp } from '../../src/components/ImprovementPlanApp';
import { CultureProvider } from '../../src/components/culture';
import { PLAN_VIEWS } from '../../src/components/navigation';
import { TEAMS_DARK_THEME, TEAMS_HIGH_CONTRAST_THEME } from '../../src/components/themes';
import { consumePlanServices, startPlanServiceScope } from '../../src/services/planServices';
import { localGraphClient } from './graphClient';

interface IPageSettings {
  siteUrl: string;
  asAt: string;
  userCookie: string;
  users: Array<{ email: string; title: string; level: string; role?: string }>;
  /** What SharePoint's page context gives SPFx: the signed-in user's form digest. */
  pageContext?: { formDigestValue: string; formDigestTimeoutSeconds: number };
  /** The plan the page's web part shows (its saved property); undefined before the lists are set up. */
  planId?: number;
}

const THEMES: Record<string, PartialTheme> = { light: {}, dark: TEAMS_DARK_THEME, contrast: TEAMS_HIGH_CONTRAST_THEME };
const PAGE_BACKGROUND: Record<string, string> = { light: '#ffffff', dark: '#1f1f1f', contrast: '#000000' };

function currentUser(settings: IPageSettings): string {
  const pair = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${settings.userCookie}=`));
  return pair ? decodeURIComponent(pair.slice(settings.userCookie.length + 1)) : '';
}

function signInAs(settings: IPageSettings, email: string): void {
  document.cookie = `${settings.userCookie}=${encodeURIComponent(email)}; path=/; SameSite=Strict`;
  window.location.reload();
}

function HostPage({ settings }: { settings: IPageSettings }): JSX.Element {
  const user = currentUser(settings);
  const [themeName, setThemeName] = React.useState(new URLSearchParams(window.location.search).get('theme') ?? 'light');
  // ?view=workstreams opens on that tab, as the web part's "open on" setting does.
  const view = PLAN_VIEWS.find((key) => key === new URLSearchParams(window.location.search).get('view'));
  // The services, registered by the web part's own code (src/services/planServices.ts) in a child of a root scope, as the
  // web part registers them in a child of its context's scope; PnPjs's SPFx behaviour over the page's context.
  // Mail goes to the emulator's Graph sendMail, signed in by the page's cookie: see /_emulator/outbox.html.
  const services = React.useMemo(() => {
    const root = ServiceScope.startNewRoot();
    root.finish();
    const sp = spfi().using(SPFx({ pageContext: { web: { absoluteUrl: settings.siteUrl }, legacyPageContext: settings.pageContext ?? {} } }));
    return consumePlanServices(startPlanServiceScope(root, { sp, siteUrl: settings.siteUrl, userLoginName: user, graphClient: async () => localGraphClient('') }));
  }, [settings, user]);
  // A plan created in the page is shown at once, as the web part saves it as its plan.
  const [planId, setPlanId] = React.useState(settings.planId);
  document.body.style.background = PAGE_BACKGROUND[themeName] ?? PAGE_BACKGROUND.light;
  const userOptions: IDropdownOption[] = settings.users.map((candidate) => ({ key: candidate.email, text: `${candidate.title} (${candidate.role ?? candidate.level})` }));
  const themeOptions: IDropdownOption[] = [
    { key: 'light', text: 'Light' },
    { key: 'dark', text: 'Teams dark' },
    { key: 'contrast', text: 'High contrast' }
  ];
  return (
    <Stack tokens={{ childrenGap: 8, padding: 12 }}>
      <Stack as="header" horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="end" style={{ background: '#f3f2f1', padding: 8, color: '#201f1e' }}>
        <Text variant="mediumPlus">Local preview: the SharePoint emulator, sample plan as at {settings.asAt}</Text>
        <Dropdown label="View as" options={userOptions} selectedKey={user} onChange={(_, option) => option && signInAs(settings, String(option.key))} styles={{ root: { width: 320, maxWidth: '100%' } }} />
        <Dropdown label="Theme" options={themeOptions} selectedKey={themeName} onChange={(_, option) => option && setThemeName(String(option.key))} styles={{ root: { minWidth: 160 } }} />
        <Link href="/_emulator/outbox.html" target="_blank" rel="noopener noreferrer" styles={{ root: { color: '#004e8c' } }}>
          Outbox (mail the page sent)
        </Link>
      </Stack>
      <main>
        {/* The browser's language stands for the page's culture; CultureProvider falls back to en-GB. */}
        <CultureProvider culture={navigator.language}>{planId !== undefined && <ImprovementPlanApp key={planId} {...services} planId={planId} today={settings.asAt} theme={THEMES[themeName] ?? {}} defaultView={view} onPlanCreated={setPlanId} />}</CultureProvider>
      </main>
    </Stack>
  );
}

async function start(): Promise<void> {
  // Fluent's icon font comes from Microsoft's CDN, which a machine without a tenant may
  // not reach: icons are left out here rather than shown as empty boxes. Every status
  // still shows its label.
  setIconOptions({ disableWarnings: true });
  const settings = (await (await fetch('/_emulator/settings')).json()) as IPageSettings;
  if (!currentUser(settings) && settings.users.length > 0) {
    signInAs(settings, settings.users[0].email);
    return;
  }
  ReactDom.render(<HostPage settings={settings} />, document.getElementById('root'));
}

void start();
