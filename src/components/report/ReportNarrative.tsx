import * as React from 'react';
import { MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../../model/isoDate';
import { IBoardNarrative, NarrativeText, narrativeFor } from '../../model/narrative';
import { IPriorityArea } from '../../model/plan';
import { ConflictError } from '../../services/errors';
import { IPlanDataService } from '../../services/IPlanDataService';
import { errorMessage, formatDate, formatString } from '../format';
import { ReportPart, priorityName } from './StatusParts';

/** On screen only: the fields and buttons of someone writing the narrative. */
const SCREEN_ONLY = { selectors: { '@media print': { display: 'none !important' } } };
/** On paper only: the text as written, in place of the fields. */
const PRINT_ONLY = { display: 'none', selectors: { '@media print': { display: 'block !important' } } };

interface INarrativeField {
  key: keyof NarrativeText;
  label: string;
}

/** What the plan officer writes for the whole plan. */
const PLAN_FIELDS: readonly INarrativeField[] = [
  { key: 'summary', label: strings.NarrativeSummary },
  { key: 'decisions', label: strings.NarrativeDecisions }
];
/** What a priority area's lead writes. */
const PRIORITY_FIELDS: readonly INarrativeField[] = [
  { key: 'keyMessages', label: strings.NarrativeKeyMessages },
  { key: 'escalations', label: strings.NarrativeEscalations },
  { key: 'boardAsk', label: strings.NarrativeBoardAsk },
  { key: 'risks', label: strings.NarrativeRisks }
];

/** The written fields as text, each under its label; a part with nothing written says so. */
function WrittenText({ fields, text }: { fields: readonly INarrativeField[]; text: NarrativeText }): JSX.Element {
  const written = fields.filter((field) => text[field.key].trim() !== '');
  if (written.length === 0) return <Text block>{strings.NarrativeNotWritten}</Text>;
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {written.map((field) => (
        <div key={field.key}>
          <Text block styles={{ root: { fontWeight: 600 } }}>
            {field.label}
          </Text>
          <Text block styles={{ root: { whiteSpace: 'pre-wrap' } }}>
            {text[field.key]}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

type SaveState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string } | { kind: 'conflict'; theirs: IBoardNarrative };

interface INarrativePartProps {
  title: string;
  fields: readonly INarrativeField[];
  /** The narrative as read (or an empty one to write). */
  narrative: IBoardNarrative;
  canEdit: boolean;
  onSave: (narrative: IBoardNarrative) => Promise<IBoardNarrative>;
}

/**
 * One part of the narrative (the whole plan's, or a priority area's). An editor writes
 * in labelled fields and saves the part as a draft; a conflict keeps their text and
 * shows the other person's, and saving again keeps theirs over it. Readers and paper
 * get the text alone.
 */
function NarrativePart({ title, fields, narrative, canEdit, onSave }: INarrativePartProps): JSX.Element {
  const [base, setBase] = React.useState(narrative);
  const [text, setText] = React.useState<NarrativeText>(narrative);
  const [state, setState] = React.useState<SaveState>();
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  const save = async (): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      const saved = await onSave({ ...base, ...text });
      if (!mounted.current) return;
      setBase(saved);
      setState({ kind: 'saved' });
    } catch (error) {
      if (!mounted.current) return;
      if (error instanceof ConflictError && error.current) {
        const theirs = error.current as IBoardNarrative;
        // Their version (and ETag) becomes the base, so saving again keeps this person's text over it.
        setBase(theirs);
        setState({ kind: 'conflict', theirs });
      } else {
        setState({ kind: 'failed', message: errorMessage(error) });
      }
    }
  };

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text as="h4" variant="mediumPlus" block styles={{ root: { fontWeight: 600 } }}>
        {title}
      </Text>
      {canEdit ? (
        <>
          <Stack tokens={{ childrenGap: 8 }} styles={{ root: SCREEN_ONLY }}>
            {fields.map((field) => (
              <TextField
                key={field.key}
                label={field.label}
                multiline
                autoAdjustHeight
                value={text[field.key]}
                onChange={(_, value) => {
                  setText((before) => ({ ...before, [field.key]: value ?? '' }));
                  if (state?.kind === 'saved') setState(undefined);
                }}
              />
            ))}
            <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
              <PrimaryButton text={formatString(strings.NarrativeSave, title)} disabled={state?.kind === 'saving'} onClick={save} />
              <Text role="status">{state?.kind === 'saving' ? strings.NarrativeSaving : state?.kind === 'saved' ? strings.NarrativeSaved : ''}</Text>
            </Stack>
            {state?.kind === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{formatString(strings.NarrativeSaveFailed, state.message)}</MessageBar>}
            {state?.kind === 'conflict' && (
              <MessageBar messageBarType={MessageBarType.warning}>
                {strings.NarrativeConflict}
                <WrittenText fields={fields} text={state.theirs} />
              </MessageBar>
            )}
          </Stack>
          <Stack styles={{ root: PRINT_ONLY }}>
            <WrittenText fields={fields} text={text} />
          </Stack>
        </>
      ) : (
        <WrittenText fields={fields} text={narrative} />
      )}
    </Stack>
  );
}

export interface IReportNarrativeProps {
  dataService: IPlanDataService;
  planId: number;
  priorities: readonly IPriorityArea[];
  /** The board date the narrative is written for. */
  boardDate: IsoDate;
  /** May write the narrative (people who may edit actions). */
  canEdit: boolean;
}

/**
 * What a board reads first, for the report's date: the plan officer's overall summary
 * and decisions needed, then each priority area's key messages, escalations with what is
 * asked of the board, and risks. Read afresh for each date; each part is saved on its own.
 */
export function ReportNarrative({ dataService, planId, priorities, boardDate, canEdit }: IReportNarrativeProps): JSX.Element {
  const [read, setRead] = React.useState<{ date: IsoDate; narratives?: IBoardNarrative[]; failure?: string }>();
  React.useEffect(() => {
    let current = true;
    dataService.loadNarratives(planId, boardDate).then(
      (narratives) => current && setRead({ date: boardDate, narratives }),
      (error: unknown) => current && setRead({ date: boardDate, failure: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [dataService, planId, boardDate]);

  const dateText = formatDate(boardDate, boardDate);
  const save = React.useCallback((narrative: IBoardNarrative) => dataService.saveNarrative(planId, narrative), [dataService, planId]);
  const loaded = read?.date === boardDate ? read : undefined;
  const parts: Array<{ title: string; fields: readonly INarrativeField[]; priorityId?: number }> = [
    { title: strings.NarrativeWholePlan, fields: PLAN_FIELDS },
    ...priorities.map((priority) => ({ title: priorityName(priority), fields: PRIORITY_FIELDS, priorityId: priority.id }))
  ];
  const narratives = loaded?.narratives;
  return (
    <ReportPart heading={strings.NarrativeHeading}>
      {!loaded && <Text role="status">{formatString(strings.NarrativeReading, dateText)}</Text>}
      {loaded?.failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.NarrativeReadFailed, dateText, loaded.failure)}</MessageBar>}
      {narratives &&
        parts.map((part) => {
          const narrative = narrativeFor(narratives, boardDate, part.priorityId);
          return <NarrativePart key={`${boardDate}-${part.priorityId ?? 'plan'}`} title={part.title} fields={part.fields} narrative={narrative} canEdit={canEdit} onSave={save} />;
        })}
    </ReportPart>
  );
}

