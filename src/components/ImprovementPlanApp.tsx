import * as React from 'react';
import { MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, ThemeProvider, PartialTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IPlanDataService, IPlanSnapshot, ISavedUpdate } from '../services/IPlanDataService';
import { PlanHeader } from './PlanHeader';
import { PrioritySummary } from './PrioritySummary';
import { MyActions } from './MyActions';
import { ChangesSinceBoard } from './ChangesSinceBoard';
import { Exceptions } from './Exceptions';
import { SetUpLists } from './SetUpLists';
import { PlanDataError } from '../services/errors';
import { IProvisioningService } from '../services/IProvisioningService';
import { errorMessage } from './format';

export interface IImprovementPlanAppProps {
  /** Data access; the same interface in SharePoint, Teams and the local host page. */
  dataService: IPlanDataService;
  /** The plan this page shows; undefined until a page author chooses one. */
  planId: number | undefined;
  /** Today's date, from the host, so every view agrees on what is overdue. */
  today: IsoDate;
  /** The section's theme (SharePoint theme variant or Teams theme). */
  theme: PartialTheme;
  /** Days ahead counted as "due soon". */
  dueSoonDays?: number;
  /** Offered to a site owner when the plan lists do not exist yet. */
  provisioning?: IProvisioningService;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; snapshot: IPlanSnapshot }
  | { kind: 'failed'; message: string; notSetUp: boolean };

/** The web part's React root: loads the chosen plan and shows its summary. */
export function ImprovementPlanApp({ dataService, planId, today, theme, dueSoonDays = 30, provisioning }: IImprovementPlanAppProps): JSX.Element {
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    if (planId === undefined) {
      return undefined;
    }
    let current = true;
    setState({ kind: 'loading' });
    dataService.loadPlan(planId).then(
      (snapshot) => current && setState({ kind: 'loaded', snapshot }),
      (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error), notSetUp: error instanceof PlanDataError && error.kind === 'notSetUp' })
    );
    return () => {
      current = false;
    };
  }, [dataService, planId, attempt]);

  return (
    <ThemeProvider theme={theme}>
      <Stack as="section" aria-label={strings.AppTitle} tokens={{ childrenGap: 12, padding: 8 }}>
        {planId === undefined ? (
          <MessageBar messageBarType={MessageBarType.info}>{strings.NoPlanChosen}</MessageBar>
        ) : state.kind === 'loading' ? (
          <Spinner size={SpinnerSize.large} label={strings.Loading} />
        ) : state.kind === 'failed' && state.notSetUp && provisioning ? (
          <SetUpLists provisioning={provisioning} onDone={() => setAttempt((n) => n + 1)} />
        ) : state.kind === 'failed' ? (
          <MessageBar
            messageBarType={MessageBarType.error}
            actions={<PrimaryButton onClick={() => setAttempt((n) => n + 1)}>{strings.TryAgain}</PrimaryButton>}
          >
            {strings.LoadFailed} {state.message}
          </MessageBar>
        ) : (
          <PlanView
            snapshot={state.snapshot}
            today={today}
            dueSoonDays={dueSoonDays}
            dataService={dataService}
            onSaved={(saved) => setState({ kind: 'loaded', snapshot: withSavedUpdate(state.snapshot, saved) })}
          />
        )}
      </Stack>
    </ThemeProvider>
  );
}

/** The snapshot after a save: the action replaced, its log entry appended. */
function withSavedUpdate(snapshot: IPlanSnapshot, saved: ISavedUpdate): IPlanSnapshot {
  return {
    ...snapshot,
    actions: snapshot.actions.map((action) => (action.id === saved.action.id ? saved.action : action)),
    updates: [...snapshot.updates, saved.update]
  };
}

interface IPlanViewProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
  dueSoonDays: number;
  dataService: IPlanDataService;
  onSaved: (saved: ISavedUpdate) => void;
}

function PlanView({ snapshot, today, dueSoonDays, dataService, onSaved }: IPlanViewProps): JSX.Element {
  return (
    <>
      <PlanHeader plan={snapshot.plan} />
      {snapshot.warnings.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          <strong>{strings.ReadWarningsHeading}</strong>
          <ul>
            {snapshot.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {snapshot.priorities.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.info}>{strings.NoPriorities}</MessageBar>
      ) : (
        <PrioritySummary
          priorities={snapshot.priorities}
          actions={snapshot.actions}
          scheme={snapshot.plan.statusScheme}
          today={today}
          dueSoonDays={dueSoonDays}
        />
      )}
      <Exceptions snapshot={snapshot} today={today} />
      <ChangesSinceBoard snapshot={snapshot} today={today} />
      <MyActions snapshot={snapshot} dataService={dataService} today={today} dueSoonDays={dueSoonDays} onSaved={onSaved} />
    </>
  );
}
