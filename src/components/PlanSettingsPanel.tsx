import * as React from 'react';
import { Checkbox, ChoiceGroup, DefaultButton, Dropdown, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Stack, Text, TextField, ThemeProvider, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { DEFAULT_PROTECTIVE_MARKING, EditPolicy, IPlan } from '../model/plan';
import { PlanSettingsProblem, parseReportingDates, parseTolerance } from '../model/planSettings';
import { IStatusScheme, PRESET_SCHEMES, parseSchemeText, presetScheme, schemeToText } from '../model/statusSchemes';
import { ConflictError } from '../services/errors';
import { IPlanDataService } from '../services/IPlanDataService';
import { DEFAULT_CULTURE } from './culture';
import { errorMessage, formatDate, formatString } from './format';
import { schemeName, statusSchemeProblemText } from './schemeText';
import { useFocusRing } from './themes';

export interface IPlanSettingsPanelProps {
  /** The plan as loaded: its ETag guards the save. */
  plan: IPlan;
  dataService: Pick<IPlanDataService, 'savePlanSettings'>;
  /** The plan as saved: the app shows it from now on (the panel stays open). */
  onSaved: (plan: IPlan) => void;
  onDismiss: () => void;
}

/** The dropdown's value that opens the custom scheme box. */
const CUSTOM_SCHEME = 'custom';

/** What the form holds: the settings as typed. */
interface ISettingsDraft {
  schemeId: string;
  customScheme: string;
  reportingDates: string;
  tolerance: string;
  marking: string;
  editPolicy: EditPolicy;
  signOffRequired: boolean;
}

function draftOf(plan: IPlan): ISettingsDraft {
  const preset = presetScheme(plan.statusScheme.id) === plan.statusScheme;
  return {
    schemeId: preset ? plan.statusScheme.id : CUSTOM_SCHEME,
    customScheme: schemeToText(plan.statusScheme),
    // In the words parseReportingDates reads back (English month names), whatever the page's culture.
    reportingDates: plan.reportingDates.map((date) => formatDate(date, date, DEFAULT_CULTURE)).join('\n'),
    tolerance: String(Math.round(plan.kpiThresholds.onTrackTolerance * 1000) / 10),
    marking: plan.protectiveMarking ?? '',
    editPolicy: plan.editPolicy ?? 'everyone',
    signOffRequired: plan.signOffRequired === true
  };
}

/** A settings problem in words. */
export function planSettingsProblemText(problem: PlanSettingsProblem): string {
  switch (problem.code) {
    case 'notADate':
      return formatString(strings.PlanSettingsNotADate, problem.line, problem.text);
    case 'provisionalDate':
      return formatString(strings.PlanSettingsProvisionalDate, problem.line, problem.text);
    case 'notAPercentage':
      return formatString(strings.PlanSettingsNotAPercentage, problem.text);
  }
}

function problemsText(result: { ok: true } | { ok: false; problems: PlanSettingsProblem[] }): string | undefined {
  return result.ok ? undefined : result.problems.map(planSettingsProblemText).join(' ');
}

type Outcome = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'conflict' } | { kind: 'failed'; message: string };

/**
 * The plan's own settings, for every page and host that shows the plan (the local page
 * included): status scheme, board dates, KPI tolerance, protective marking, who may edit,
 * and sign-off. Each field says what is wrong with it; the save is guarded by the plan's
 * ETag, and someone else's save first is said in words, what was typed kept.
 */
export function PlanSettingsPanel({ plan, dataService, onSaved, onDismiss }: IPlanSettingsPanelProps): JSX.Element {
  const theme = useTheme();
  const focusRing = useFocusRing();
  const [base, setBase] = React.useState(plan);
  const [draft, setDraft] = React.useState<ISettingsDraft>(() => draftOf(plan));
  const [checked, setChecked] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const set = <K extends keyof ISettingsDraft>(key: K, value: ISettingsDraft[K]): void => setDraft((current) => ({ ...current, [key]: value }));

  const custom = draft.schemeId === CUSTOM_SCHEME;
  const scheme = custom ? parseSchemeText(draft.customScheme) : undefined;
  const dates = parseReportingDates(draft.reportingDates);
  const tolerance = parseTolerance(draft.tolerance);
  const statusScheme: IStatusScheme | undefined = scheme ? (scheme.ok ? scheme.scheme : undefined) : presetScheme(draft.schemeId);
  // Fields say what is wrong once a save was tried, not while the first characters are typed.
  const shown = (message: string | undefined): string | undefined => (checked ? message : undefined);

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setChecked(true);
    if (!statusScheme || !dates.ok || !tolerance.ok) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await dataService.savePlanSettings(base, {
        statusScheme,
        reportingDates: dates.dates,
        kpiThresholds: { onTrackTolerance: tolerance.tolerance },
        protectiveMarking: draft.marking,
        editPolicy: draft.editPolicy,
        signOffRequired: draft.signOffRequired
      });
      setBase(saved);
      setOutcome({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ConflictError) {
        // Theirs becomes what a second save replaces; what was typed stays.
        setBase(error.current as IPlan);
        setOutcome({ kind: 'conflict' });
      } else {
        setOutcome({ kind: 'failed', message: errorMessage(error) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Panel isOpen isBlocking={false} type={PanelType.medium} headerText={strings.PlanSettingsOpen} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss}>
      <ThemeProvider theme={theme} className={focusRing}>
        <form onSubmit={save} noValidate aria-label={strings.PlanSettingsOpen}>
          <Stack tokens={{ childrenGap: 12 }}>
            <Dropdown
              label={strings.SchemeLabel}
              options={[...PRESET_SCHEMES.map((preset) => ({ key: preset.id, text: schemeName(preset) })), { key: CUSTOM_SCHEME, text: strings.SchemeCustom }]}
              selectedKey={draft.schemeId}
              onChange={(_, option) => option && set('schemeId', String(option.key))}
            />
            {custom && (
              <TextField
                label={strings.SchemeCustomLabel}
                description={strings.SchemeCustomHint}
                multiline
                rows={6}
                value={draft.customScheme}
                errorMessage={shown(scheme && !scheme.ok ? scheme.errors.map(statusSchemeProblemText).join(' ') : undefined)}
                onChange={(_, value) => set('customScheme', value ?? '')}
              />
            )}
            <TextField
              label={strings.ReportingDatesLabel}
              description={strings.ReportingDatesHint}
              multiline
              rows={5}
              value={draft.reportingDates}
              errorMessage={shown(problemsText(dates))}
              onChange={(_, value) => set('reportingDates', value ?? '')}
            />
            <TextField
              label={strings.KpiToleranceLabel}
              description={strings.KpiToleranceHint}
              value={draft.tolerance}
              errorMessage={shown(problemsText(tolerance))}
              onChange={(_, value) => set('tolerance', value ?? '')}
            />
            <TextField
              label={strings.ProtectiveMarkingLabel}
              description={strings.ProtectiveMarkingHint}
              placeholder={DEFAULT_PROTECTIVE_MARKING}
              value={draft.marking}
              onChange={(_, value) => set('marking', value ?? '')}
            />
            <ChoiceGroup
              label={strings.EditPolicyLabel}
              selectedKey={draft.editPolicy}
              options={[
                { key: 'everyone', text: strings.EditPolicyEveryone },
                { key: 'byRole', text: strings.EditPolicyByRole }
              ]}
              onChange={(_, option) => option && set('editPolicy', option.key as EditPolicy)}
            />
            <Checkbox label={strings.SignOffLabel} checked={draft.signOffRequired} onChange={(_, value) => set('signOffRequired', value === true)} />
            <div role="status">
              {outcome?.kind === 'saved' && <Text block>{strings.PlanSettingsSaved}</Text>}
            </div>
            {outcome && outcome.kind !== 'saved' && (
              <MessageBar messageBarType={outcome.kind === 'conflict' ? MessageBarType.warning : MessageBarType.error} isMultiline>
                {outcome.kind === 'invalid' ? strings.PlanSettingsInvalid : outcome.kind === 'conflict' ? strings.PlanSettingsConflict : `${strings.PlanSettingsNotSaved} ${outcome.message}`}
              </MessageBar>
            )}
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              <PrimaryButton type="submit" disabled={saving}>
                {saving ? strings.Saving : strings.SavePlanSettings}
              </PrimaryButton>
              <DefaultButton onClick={onDismiss}>{strings.Close}</DefaultButton>
            </Stack>
          </Stack>
        </form>
      </ThemeProvider>
    </Panel>
  );
}
