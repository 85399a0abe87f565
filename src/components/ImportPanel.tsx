import * as React from 'react';
import { MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, ProgressIndicator, Spinner, Stack, Text, ThemeProvider, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IPlanDataService, IPlanSnapshot } from '../services/IPlanDataService';
import { IPlanImportService } from '../services/IPlanImportService';
import { formatString } from './format';
import { DryRunReport } from './import/DryRunReport';
import { SetupStep } from './import/SetupStep';
import { ImportPhase, useImportFlow } from './import/useImportFlow';
import { useFocusRing } from './themes';

export interface IImportPanelProps {
  /** The page's plan: offered first as the plan to import into. */
  snapshot: IPlanSnapshot;
  /** Lists the site's plans and reads the one chosen as the target. */
  dataService: Pick<IPlanDataService, 'listPlans' | 'loadPlan'>;
  importService: IPlanImportService;
  today: IsoDate;
  /** Closes the panel; `imported` says a plan may have changed and should be read again. */
  onClose: (imported: boolean) => void;
}

/** File types the reader takes, for the file picker. */
const ACCEPTED_FILES = [
  '.xlsx',
  '.xlsm',
  '.docx',
  '.csv',
  '.tsv',
  '.txt',
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroEnabled.12',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
].join(',');

const STEP_HEADINGS: Readonly<Record<ImportPhase['kind'], string>> = {
  choose: strings.ImportStepFile,
  reading: strings.ImportStepFile,
  setup: strings.ImportStepSetup,
  checking: strings.ImportStepDryRun,
  checked: strings.ImportStepDryRun,
  importing: strings.ImportStepImport,
  done: strings.ImportStepDone
};

const heading = mergeStyles({ margin: 0, fontSize: 18, fontWeight: 600, outline: 'none' });

/**
 * Importing a plan from a spreadsheet, as the council wrote it: choose the file (and the
 * sheet), the plan it goes into (a new one proposed from the file, or one on the site),
 * check how each column is read and, for a new plan, its status key; read the dry run
 * (the target, what it creates, every problem by row, column and value); only then
 * import. Nothing is written before the last step; an import that stops can be run
 * again and finishes the job without duplicates.
 */
export function ImportPanel({ snapshot, dataService, importService, today, onClose }: IImportPanelProps): JSX.Element {
  const theme = useTheme();
  const focusRing = useFocusRing();
  const flow = useImportFlow({ snapshot, dataService, importService, today });
  const { phase, setup } = flow;
  const stepHeading = STEP_HEADINGS[phase.kind];

  // Each new step is announced by moving focus to its heading (not on opening: the panel places focus itself).
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const shownHeading = React.useRef(stepHeading);
  React.useEffect(() => {
    if (shownHeading.current === stepHeading) return;
    shownHeading.current = stepHeading;
    headingRef.current?.focus();
  }, [stepHeading]);

  // Closed while writing: the plan is shown again now, and once more when the import has finished.
  const closePanel = (): void => {
    const writing = flow.writing();
    onClose(flow.wroteAny());
    if (writing) writing.then(() => onClose(true), () => onClose(true));
  };
  return (
    <Panel isOpen isBlocking={false} type={PanelType.large} headerText={strings.ImportHeading} closeButtonAriaLabel={strings.Close} onDismiss={closePanel}>
      <ThemeProvider theme={theme} className={focusRing}>
        <Stack tokens={{ childrenGap: 12 }}>
          <h3 className={heading} tabIndex={-1} ref={headingRef}>
            {stepHeading}
          </h3>
          {phase.kind === 'choose' && (
            <Stack tokens={{ childrenGap: 8 }}>
              <Text>{strings.ImportIntro}</Text>
              <label>
                <Text block styles={{ root: { fontWeight: 600 } }}>
                  {strings.ImportFileLabel}
                </Text>
                <input type="file" accept={ACCEPTED_FILES} onChange={(event) => flow.chooseFile(event.target.files?.[0])} />
              </label>
              {phase.message && (
                <MessageBar messageBarType={MessageBarType.error} isMultiline>
                  {phase.message}
                </MessageBar>
              )}
            </Stack>
          )}
          {phase.kind === 'reading' && <Spinner label={strings.ImportReading} />}
          {phase.kind === 'setup' && setup && <SetupStep flow={flow} setup={setup} message={phase.message} />}
          {phase.kind === 'checking' &&
            (phase.readingPlan ? (
              <Spinner label={strings.ImportReadingPlan} />
            ) : (
              <ProgressIndicator label={strings.ImportChecking} description={formatString(strings.ImportCheckingProgress, phase.checked, phase.total)} percentComplete={phase.total > 0 ? phase.checked / phase.total : 0} />
            ))}
          {phase.kind === 'checked' && <DryRunReport run={phase.run} message={phase.message} onImport={() => flow.runImport()} onBack={flow.backToSetup} />}
          {phase.kind === 'importing' &&
            (phase.creating ? (
              <Spinner label={strings.ImportCreatingPlan} />
            ) : (
              <ProgressIndicator label={strings.ImportRunning} description={formatString(strings.ImportProgress, phase.written, phase.total)} percentComplete={phase.total > 0 ? phase.written / phase.total : 0} />
            ))}
          {phase.kind === 'done' && (
            <MessageBar messageBarType={MessageBarType.success} isMultiline>
              {formatString(strings.ImportDone, phase.result.createdActions, phase.result.updatedActions, phase.result.unchangedActions, phase.result.addedLogEntries, phase.result.conflicts.join(', ') || strings.ImportNoConflicts)}
              {phase.kpiResult &&
                ` ${formatString(
                  strings.ImportKpisDone,
                  phase.kpiResult.createdKpis,
                  phase.kpiResult.updatedKpis,
                  phase.kpiResult.unchangedKpis,
                  phase.kpiResult.addedMeasurements,
                  phase.kpiResult.updatedMeasurements,
                  phase.kpiResult.conflicts.join(', ') || strings.ImportNoConflicts
                )}`}
              {phase.run.newPlan && ` ${formatString(strings.ImportNewPlanDone, phase.run.newPlan.name, phase.planId)}`}
            </MessageBar>
          )}
          {phase.kind === 'done' && (
            <Stack.Item>
              <PrimaryButton onClick={() => onClose(true)}>{strings.ImportShowPlan}</PrimaryButton>
            </Stack.Item>
          )}
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
