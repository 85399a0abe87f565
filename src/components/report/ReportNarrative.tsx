import * as React from 'react';
import { DefaultButton, ITextField, getId, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../../model/isoDate';
import { IBoardNarrative, NarrativeText, narrativeFor } from '../../model/narrative';
import { IPriorityArea, priorityName } from '../../model/plan';
import { ConflictError } from '../../services/errors';
import { IPlanDataService } from '../../services/IPlanDataService';
import { useCulture } from '../culture';
import { dateFormat, errorMessage, formatDate, formatString } from '../format';
import { ReportPart } from './StatusParts';

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

/** How long after the last keystroke a part's draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;
/** "14:32": the time of day a draft was saved, on the person's own clock. */
const TEXT_KEYS: ReadonlyArray<keyof NarrativeText> = ['keyMessages', 'escalations', 'boardAsk', 'risks', 'summary', 'decisions'];

function textOf(narrative: NarrativeText): NarrativeText {
  return { keyMessages: narrative.keyMessages, escalations: narrative.escalations, boardAsk: narrative.boardAsk, risks: narrative.risks, summary: narrative.summary, decisions: narrative.decisions };
}

function sameText(a: NarrativeText, b: NarrativeText): boolean {
  return TEXT_KEYS.every((key) => a[key] === b[key]);
}

type DraftStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; theirs: IBoardNarrative };

/**
 * Saves one part's drafts as they are written, one save at a time. A save asked for
 * while one is in flight waits for it and then sends the text as it is by then, with the
 * id and ETag that save returned: so a new part is created once, and no save is sent with
 * an ETag already spent. After a conflict nothing more is sent until the person chooses
 * whose text to keep. The text typed is never dropped: it stays in `latest` until saved.
 */
class DraftSaver {
  /** The part as last read or saved: its id, ETag and text. */
  private base: IBoardNarrative;
  /** The text in the fields now. */
  private latest: NarrativeText;
  /** The saves in flight, until no more is asked for. */
  private current: Promise<void> | undefined;
  /** A save was asked for while one was in flight. */
  private again: boolean = false;
  /** Someone else's save conflicts with this person's text: nothing is sent until they choose. */
  private held: boolean = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  public constructor(
    narrative: IBoardNarrative,
    private readonly save: (narrative: IBoardNarrative) => Promise<IBoardNarrative>,
    private report: (status: DraftStatus) => void
  ) {
    this.base = narrative;
    this.latest = textOf(narrative);
  }

  /** Text typed or saved, but not yet all saved (or saving now). */
  public get unsaved(): boolean {
    return this.current !== undefined || this.timer !== undefined || !sameText(this.latest, this.base);
  }

  /** The fields changed: saved once the person pauses. */
  public edit(text: NarrativeText): void {
    this.latest = text;
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Saves the text now (a field left, a retry), or after the save in flight. */
  public saveNow(): void {
    // Every failure of a save is reported as the part's status, so nothing is left to catch here.
    this.drain().catch(() => undefined);
  }

  /** Sends what is typed and waits for every save asked for; true when nothing is left unsaved. */
  public async settle(): Promise<boolean> {
    await this.drain().catch(() => undefined);
    return !this.unsaved;
  }

  /** Saves this person's text over the other's, with the ETag of the other's save. */
  public keepMine(theirs: IBoardNarrative): void {
    this.base = theirs;
    this.held = false;
    this.report({ kind: 'idle' });
    this.saveNow();
  }

  /** Takes the other person's text in place of this person's. */
  public takeTheirs(theirs: IBoardNarrative): void {
    this.cancelTimer();
    this.base = theirs;
    this.latest = textOf(theirs);
    this.held = false;
    this.report({ kind: 'idle' });
  }

  /** The part is leaving the page: what is typed and not yet saved is still sent, with nothing left to report to. */
  public dispose(): void {
    this.report = () => undefined;
    this.saveNow();
  }

  /** Starts the saves, or asks the saves in flight for one more; resolves when they are done. */
  private drain(): Promise<void> {
    this.cancelTimer();
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.sendAll().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  /** Sends saves one after another until no more is asked for; each failure becomes the status. */
  private async sendAll(): Promise<void> {
    let savedAt: Date | undefined;
    do {
      this.again = false;
      const sending = this.latest;
      if (this.held || sameText(sending, this.base)) break;
      this.report({ kind: 'saving' });
      try {
        this.base = await this.save({ ...this.base, ...sending });
        savedAt = new Date();
      } catch (error) {
        this.failed(error);
        return;
      }
    } while (this.again);
    if (savedAt) this.report({ kind: 'saved', at: savedAt });
  }

  private failed(error: unknown): void {
    if (error instanceof ConflictError && error.current) {
      const theirs = error.current as IBoardNarrative;
      this.held = true;
      this.report({ kind: 'conflict', theirs });
    } else {
      this.report({ kind: 'failed', message: errorMessage(error) });
    }
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The drafts being written on the page, so a board pack is frozen only once every draft
 * typed has been saved (leaving a field starts a save the freeze would otherwise race).
 */
export class NarrativeDrafts {
  private readonly savers = new Set<DraftSaver>();

  public add(saver: DraftSaver): void {
    this.savers.add(saver);
  }

  public remove(saver: DraftSaver): void {
    this.savers.delete(saver);
  }

  /** Sends every draft not yet saved and waits for the saves; true when every draft is saved. */
  public async settle(): Promise<boolean> {
    const settled = await Promise.all(Array.from(this.savers).map((saver) => saver.settle()));
    return settled.every(Boolean);
  }
}

/** What the part's status line says: nothing, or the state of its draft in words. */
function statusText(status: DraftStatus, culture: string): string {
  switch (status.kind) {
    case 'saving':
      return strings.Saving;
    case 'saved':
      return formatString(strings.NarrativeDraftSaved, dateFormat(culture, { hour: '2-digit', minute: '2-digit' }).format(status.at));
    case 'failed':
      return formatString(strings.NarrativeSaveFailed, status.message);
    case 'conflict':
      return strings.NarrativeConflict;
    default:
      return '';
  }
}

interface IPartProps {
  title: string;
  fields: readonly INarrativeField[];
  /** The narrative as read, frozen, or an empty one to write. */
  narrative: IBoardNarrative;
}

/** A part under its title, named by it (so its fields, status and buttons are known to be that part's). */
function PartFrame({ title, children }: { title: string; children: React.ReactNode }): JSX.Element {
  const [titleId] = React.useState(() => getId('narrative-part'));
  return (
    <Stack role="group" aria-labelledby={titleId} tokens={{ childrenGap: 8 }}>
      <Text as="h4" id={titleId} variant="mediumPlus" block styles={{ root: { fontWeight: 600 } }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** A part as readers, paper and a frozen pack see it: the text alone. */
function ReadPart({ title, fields, narrative }: IPartProps): JSX.Element {
  return (
    <PartFrame title={title}>
      <WrittenText fields={fields} text={narrative} />
    </PartFrame>
  );
}

interface IDraftPartProps extends IPartProps {
  onSave: (narrative: IBoardNarrative) => Promise<IBoardNarrative>;
  drafts?: NarrativeDrafts;
}

/**
 * One part of the narrative (the whole plan's, or a priority area's) as an editor writes
 * it: labelled fields saved as a draft after a pause and when a field is left, with the
 * draft's state in words in a polite live region. There is no Save button: leaving a
 * field saves it, so a keyboard user reaching a button would find its save already under
 * way; a failed save offers Retry instead. A conflict keeps this person's text in the
 * fields, shows the other's, and lets them keep either. Paper gets the text alone.
 */
function DraftPart({ title, fields, narrative, onSave, drafts }: IDraftPartProps): JSX.Element {
  const theme = useTheme();
  const [text, setText] = React.useState<NarrativeText>(() => textOf(narrative));
  const [status, setStatus] = React.useState<DraftStatus>({ kind: 'idle' });
  const culture = useCulture();
  const [saver] = React.useState(() => new DraftSaver(narrative, onSave, setStatus));
  const firstField = React.useRef<ITextField>(null);

  React.useEffect(() => {
    // Closing or leaving the page with a draft not yet saved asks the browser to confirm.
    const warn = (event: BeforeUnloadEvent): void => {
      if (!saver.unsaved) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    drafts?.add(saver);
    return () => {
      window.removeEventListener('beforeunload', warn);
      drafts?.remove(saver);
      saver.dispose();
    };
  }, [saver, drafts]);

  const edit = (key: keyof NarrativeText, value: string): void => {
    const next = { ...text, [key]: value };
    setText(next);
    saver.edit(next);
  };

  const takeTheirs = (theirs: IBoardNarrative): void => {
    saver.takeTheirs(theirs);
    setText(textOf(theirs));
    // The choice's buttons go; focus goes back to the text rather than to the page.
    firstField.current?.focus();
  };

  const keepMine = (theirs: IBoardNarrative): void => {
    saver.keepMine(theirs);
    firstField.current?.focus();
  };

  return (
    <PartFrame title={title}>
      <Stack tokens={{ childrenGap: 8 }} styles={{ root: SCREEN_ONLY }}>
        {fields.map((field, index) => (
          <TextField
            key={field.key}
            componentRef={index === 0 ? firstField : undefined}
            label={field.label}
            multiline
            autoAdjustHeight
            value={text[field.key]}
            onChange={(_, value) => edit(field.key, value ?? '')}
            onBlur={() => saver.saveNow()}
          />
        ))}
        <Stack horizontal verticalAlign="center" wrap tokens={{ childrenGap: 12 }}>
          <Text role="status" aria-live="polite">
            {statusText(status, culture)}
          </Text>
          {status.kind === 'failed' && <DefaultButton text={strings.NarrativeRetry} ariaLabel={formatString(strings.NarrativeRetryLabel, title)} onClick={() => saver.saveNow()} />}
        </Stack>
        {status.kind === 'conflict' && (
          <Stack role="group" aria-label={strings.NarrativeTheirText} tokens={{ childrenGap: 8, padding: 8 }} styles={{ root: { border: `1px solid ${theme.semanticColors.bodyDivider}` } }}>
            <Text block styles={{ root: { fontWeight: 600 } }}>
              {strings.NarrativeTheirText}
            </Text>
            <WrittenText fields={fields} text={status.theirs} />
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              <PrimaryButton text={strings.NarrativeKeepMine} ariaLabel={formatString(strings.NarrativeKeepMineLabel, title)} onClick={() => keepMine(status.theirs)} />
              <DefaultButton text={strings.NarrativeTakeTheirs} ariaLabel={formatString(strings.NarrativeTakeTheirsLabel, title)} onClick={() => takeTheirs(status.theirs)} />
            </Stack>
          </Stack>
        )}
      </Stack>
      <Stack styles={{ root: PRINT_ONLY }}>
        <WrittenText fields={fields} text={text} />
      </Stack>
    </PartFrame>
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
  /** A frozen board pack's narratives: shown as they were frozen, read-only; nothing is read or saved. */
  frozen?: IBoardNarrative[];
  /** Where the page's drafts are kept track of (the report settles them before freezing a pack). */
  drafts?: NarrativeDrafts;
}

/**
 * What a board reads first, for the report's date: the plan officer's overall summary
 * and decisions needed, then each priority area's key messages, escalations with what is
 * asked of the board, and risks. Read afresh for each date; each part's draft is saved
 * on its own as it is written. A frozen pack's narratives are shown as they were frozen.
 */
export function ReportNarrative({ dataService, planId, priorities, boardDate, canEdit, frozen, drafts }: IReportNarrativeProps): JSX.Element {
  const culture = useCulture();
  const [read, setRead] = React.useState<{ date: IsoDate; narratives?: IBoardNarrative[]; failure?: string }>();
  const isFrozen = frozen !== undefined;
  React.useEffect(() => {
    if (isFrozen) return;
    let current = true;
    dataService.loadNarratives(planId, boardDate).then(
      (narratives) => current && setRead({ date: boardDate, narratives }),
      (error: unknown) => current && setRead({ date: boardDate, failure: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [dataService, planId, boardDate, isFrozen]);

  const dateText = formatDate(boardDate, boardDate, culture);
  const save = React.useCallback((narrative: IBoardNarrative) => dataService.saveNarrative(planId, narrative), [dataService, planId]);
  const loaded = frozen ? { date: boardDate, narratives: frozen, failure: undefined } : read?.date === boardDate ? read : undefined;
  const parts: Array<{ title: string; fields: readonly INarrativeField[]; priorityId?: number }> = [
    { title: strings.NarrativeWholePlan, fields: PLAN_FIELDS },
    ...priorities.map((priority) => ({ title: priorityName(priority), fields: PRIORITY_FIELDS, priorityId: priority.id }))
  ];
  const narratives = loaded?.narratives;
  const writing = canEdit && !isFrozen;
  return (
    <ReportPart heading={strings.NarrativeHeading}>
      {!loaded && <Text role="status">{formatString(strings.NarrativeReading, dateText)}</Text>}
      {loaded?.failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.NarrativeReadFailed, dateText, loaded.failure)}</MessageBar>}
      {narratives && writing && (
        <Text block styles={{ root: SCREEN_ONLY }}>
          {strings.NarrativeAutosave}
        </Text>
      )}
      {narratives &&
        parts.map((part) => {
          const narrative = narrativeFor(narratives, boardDate, part.priorityId);
          const key = `${boardDate}-${part.priorityId ?? 'plan'}`;
          return writing ? <DraftPart key={key} title={part.title} fields={part.fields} narrative={narrative} onSave={save} drafts={drafts} /> : <ReadPart key={key} title={part.title} fields={part.fields} narrative={narrative} />;
        })}
    </ReportPart>
  );
}
