/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HighlightReport } from '../../../src/components/HighlightReport';
import { cssString, pageNumberContent, printCss } from '../../../src/components/report/printCss';
import { readBoardPackFile } from '../../../src/formats/boardPackFile';
import { IBoardPack, freezePack, reportAsAt } from '../../../src/model/boardPack';
import { IKpi } from '../../../src/model/kpi';
import { IBoardNarrative, emptyNarrative } from '../../../src/model/narrative';
import { IAction, IProgressUpdate } from '../../../src/model/plan';
import { parsePlanDate } from '../../../src/model/planDates';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IPlanDataService, IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aPackService, aPlan, aSnapshot } from '../../support/fixtures';

const BOARDS = ['2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31'];
const TODAY = '2024-02-29';

/**
 * 3.1.1 went Amber, then Red in August, then Green in January with a new note; its due
 * date moved in July and September, and again in January. 4.1.1 (due Jul-23) was Amber
 * at two boards, then Red in November with a new note. 3.1.2 stayed Green.
 */
const log: IProgressUpdate[] = [
  anUpdate(1, '2023-05-31', 'Amber', 'Started late'),
  anUpdate(1, '2023-08-15', 'Red', 'Partner returns missing'),
  anUpdate(1, '2024-01-20', 'Green', 'Back on track after recruitment'),
  anUpdate(2, '2023-05-31', 'Green', 'Collated'),
  anUpdate(3, '2023-06-30', 'Amber', 'Recruiting'),
  anUpdate(3, '2023-11-10', 'Red', 'Therapist posts unfilled')
];
const revision = (date: string, old: string, next: string, reason: string): IAction['revisions'][number] => ({ date, at: `${date}T09:00:00Z`, by: 'Kathryn Morgan', field: 'revisedDue', old, new: next, reason });

const actions = [
  anAction({
    id: 1,
    priorityId: 3,
    ref: '3.1.1',
    text: 'Collate support 0 - 5',
    status: 'Green',
    dueText: 'Apr-23',
    revisedDue: parsePlanDate('Sep-24'),
    revisedDueReason: 'Recruitment took longer',
    latestNote: 'Back on track after recruitment',
    latestUpdateDate: '2024-01-20',
    modified: '2024-01-20T10:00:00Z',
    revisions: [revision('2023-07-01', '', 'Dec-23', 'Staff shortage'), revision('2023-09-15', 'Dec-23', 'Jun-24', 'Partner delay'), revision('2024-01-20', 'Jun-24', 'Sep-24', 'Recruitment took longer')]
  }),
  anAction({ id: 2, priorityId: 3, ref: '3.1.2', text: 'Collate support 5 - 18', status: 'Green', dueText: 'Dec-23', latestNote: 'Collated', latestUpdateDate: '2023-05-31' }),
  anAction({ id: 3, priorityId: 4, ref: '4.1.1', text: 'Cut SALT waits', status: 'Red', dueText: 'Jul-23', latestNote: 'Therapist posts unfilled', latestUpdateDate: '2023-11-10', modified: '2023-11-10T10:00:00Z' })
];

const kpi: IKpi = {
  id: 9,
  planId: 1,
  priorityId: 4,
  ref: '4.1',
  title: 'Children seen within 18 weeks',
  unit: '%',
  direction: 'higher',
  baselineValue: 30,
  baselineDate: '2023-02-06',
  milestones: [{ label: '12 Month', due: { monthsFromStart: 12 }, text: '80%', target: 80 }],
  measurements: [
    { periodEnd: '2023-06-30', value: 40 },
    { periodEnd: '2023-09-30', value: 45 },
    { periodEnd: '2024-01-31', value: 99, note: 'January return' }
  ],
  progressNote: 'January return shows 99%'
};

function logsOf(ids: number[]): Map<number, IProgressUpdate[]> {
  return new Map(ids.map((id) => [id, log.filter((entry) => entry.actionId === id)]));
}

function renderReport(dataService: IPlanDataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)) }), onClose = jest.fn()): IPlanDataService {
  const snapshot = aSnapshot({ plan: aPlan({ reportingDates: BOARDS, protectiveMarking: 'OFFICIAL-SENSITIVE' }), actions, kpis: [kpi], log });
  render(<HighlightReport packService={aPackService()} snapshot={snapshot} today={TODAY} dataService={dataService} onClose={onClose} />);
  return dataService;
}

function chooseDate(name: string | RegExp): void {
  fireEvent.click(screen.getByRole('combobox', { name: /^Report as at/ }));
  fireEvent.click(screen.getByRole('option', { name }));
}

function rowCells(table: HTMLElement, name: RegExp): string[] {
  return within(within(table).getByRole('row', { name })).getAllByRole('cell').map((cell) => cell.textContent ?? '');
}

const report = (): HTMLElement => screen.getByRole('article');

/** The notes as they stood and the narrative have been read (the report's last updates), so no update lands after the test. */
async function notesRead(): Promise<void> {
  await waitFor(() => expect(screen.queryByText(/^Reading the notes as they stood|^Reading the narrative/)).toBeNull());
}

describe('HighlightReport', () => {
  it('opens at the latest board date up to today, headed with the plan, the dates and who produced it', async () => {
    renderReport();
    expect(screen.getByRole('heading', { name: 'Shropshire Accelerated Progress Plan: board highlight report' })).toBeInTheDocument();
    expect(screen.getByText('As at 31 December 2023, with changes since 30 September 2023.')).toBeInTheDocument();
    expect(screen.getByText('Produced by Kathryn Morgan on 29 February 2024.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Report as at/ })).toHaveTextContent('31 December 2023');
    await screen.findByText('15 August 2023: Partner returns missing');
  });

  it('shows nothing dated after a past board date: no later status, note, revision or measurement', async () => {
    renderReport();
    chooseDate('30 September 2023');
    await screen.findByText('30 June 2023: Recruiting');
    const text = report().textContent ?? '';
    // 3.1.1 was Red then, with its August note and the due date of then; 4.1.1 was Amber and overdue.
    const exceptions = screen.getByRole('table', { name: /^Actions off track, overdue/ });
    expect(within(exceptions).getByRole('row', { name: /^3\.1\.1/ })).toHaveTextContent(/Red.*Off track.*Jun-24.*revised twice, first due Apr-23.*15 August 2023: Partner returns missing/);
    expect(within(exceptions).getByRole('row', { name: /^4\.1\.1/ })).toHaveTextContent(/Amber.*30 June 2023: Recruiting/);
    for (const later of ['Back on track after recruitment', 'Therapist posts unfilled', 'Sep-24', 'Recruitment took longer', '99%', 'January return', '31 January 2024']) {
      expect([later, text.includes(later)]).toEqual([later, false]);
    }
    // The KPI as at the date: its September actual is the latest.
    expect(within(screen.getByRole('table', { name: /^KPIs for 4\. SLCN/ })).getByRole('row', { name: /4\.1 Children seen/ })).toHaveTextContent('45% (30 September 2023)');
  });

  it('totals the whole plan and says in words what changed since the previous board', async () => {
    renderReport();
    chooseDate('30 September 2023');
    const table = screen.getByRole('table', { name: /^Actions by status in each priority area and the whole plan as at 30 September 2023, with the change since 30 June 2023/ });
    // Red, Amber, Green, Complete, no status, total, overdue. 3.1.1 went Amber -> Red and its date moved past the overdue mark.
    expect(rowCells(table, /^3\. ND Pathways/)).toEqual(['1 (1 more)', '0 (1 fewer)', '1', '0', '0', '2', '0 (1 fewer)']);
    expect(rowCells(table, /^4\. SLCN/)).toEqual(['0', '1', '0', '0', '0', '1', '1 (1 more)']);
    expect(rowCells(table, /^Whole plan/)).toEqual(['1 (1 more)', '1 (1 fewer)', '1', '0', '0', '3', '1']);
    const change = screen.getByRole('region', { name: 'Change since the board of 30 June 2023' });
    expect(within(change).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1 Red, 1 more than at 30 June 2023',
      '1 Amber, 1 fewer than at 30 June 2023',
      '1 Green, the same as at 30 June 2023',
      '0 Complete, the same as at 30 June 2023',
      '0 with no status, the same as at 30 June 2023',
      '1 overdue, the same as at 30 June 2023'
    ]);
    const trend = screen.getByRole('table', { name: /^Actions in the whole plan by status at each board date up to 30 September 2023/ });
    expect(within(trend).getAllByRole('row')).toHaveLength(3);
    expect(rowCells(trend, /^30 June 2023/)).toEqual(['0', '2', '1', '0', '0', '3', '1']);
    expect(rowCells(trend, /^30 September 2023/)).toEqual(['1', '1', '1', '0', '0', '3', '1']);
    await notesRead();
  });

  it('flags each revised due date with how often it moved and its first date, as it stood', async () => {
    renderReport();
    const revised = screen.getByRole('table', { name: /^Actions whose due date had been revised by 31 December 2023/ });
    expect(rowCells(revised, /^3\.1\.1/)).toEqual(['Collate support 0 - 5', 'Jun-24 (30 June 2024)', 'revised twice, first due Apr-23', 'Partner delay']);
    chooseDate('30 June 2023');
    expect(screen.queryByRole('table', { name: /^Actions whose due date had been revised/ })).toBeNull();
    expect(screen.getByText("No action's due date had been revised by 30 June 2023.")).toBeInTheDocument();
    await notesRead();
  });

  it('reads the notes as they stood through readActionLogs, only for exceptions with a later note, saying so meanwhile', async () => {
    let finish: (logs: Map<number, IProgressUpdate[]>) => void = () => undefined;
    const readActionLogs = jest.fn((ids: number[]) => new Promise<Map<number, IProgressUpdate[]>>((resolve) => (finish = () => resolve(logsOf(ids)))));
    renderReport(aDataService({ readActionLogs }));
    // At 31 December 3.1.1's note is from January: read its log. 4.1.1's November note stood then.
    expect(readActionLogs).toHaveBeenCalledWith([1]);
    await screen.findByText('Reading the notes as they stood at 31 December 2023 from the progress log…');
    const exceptions = screen.getByRole('table', { name: /^Actions off track, overdue/ });
    expect(within(exceptions).getByRole('row', { name: /^3\.1\.1/ })).toHaveTextContent('Reading the note as it stood…');
    expect(within(exceptions).getByRole('row', { name: /^4\.1\.1/ })).toHaveTextContent('10 November 2023: Therapist posts unfilled');
    expect(report().textContent).not.toContain('Back on track after recruitment');
    await act(async () => finish(new Map()));
    expect(within(exceptions).getByRole('row', { name: /^3\.1\.1/ })).toHaveTextContent('15 August 2023: Partner returns missing');
    expect(screen.queryByText(/^Reading the notes/)).toBeNull();
    // At 30 September only 4.1.1's log is new to read.
    chooseDate('30 September 2023');
    expect(readActionLogs).toHaveBeenLastCalledWith([3]);
    expect(readActionLogs).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByText(/^Reading the narrative/)).toBeNull());
  });

  it('says when the notes as they stood could not be read, and shows no later note', async () => {
    renderReport(aDataService({ readActionLogs: jest.fn().mockRejectedValue(new Error('The network dropped.')) }));
    await screen.findByText('The notes as they stood at 31 December 2023 could not be read, so they are left out: The network dropped.');
    expect(within(screen.getByRole('table', { name: /^Actions off track, overdue/ })).getByRole('row', { name: /^3\.1\.1/ })).toHaveTextContent('The note as it stood could not be read.');
  });

  it('reports as at today or any other day, typed with the keyboard', async () => {
    renderReport();
    chooseDate('Today (29 February 2024)');
    expect(screen.getByText('As at 29 February 2024, with changes since 31 December 2023.')).toBeInTheDocument();
    // As at today the latest note stands, and the KPI's January actual.
    expect(within(screen.getByRole('table', { name: /^Actions off track, overdue/ })).getByRole('row', { name: /^4\.1\.1/ })).toHaveTextContent('Therapist posts unfilled');
    expect(report().textContent).toContain('99%');
    chooseDate('Another date');
    const typed = screen.getByRole('combobox', { name: 'Date to report as at' });
    fireEvent.change(typed, { target: { value: '15/08/2023' } });
    fireEvent.blur(typed);
    await waitFor(() => expect(screen.getByText('As at 15 August 2023, with changes since 30 June 2023.')).toBeInTheDocument());
  });

  it('prints on A4 headed with the plan, the date and its protective marking, and numbers the pages', async () => {
    renderReport();
    const css = report().querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/@page \{\s+size: A4;\s+margin: 20mm 15mm 18mm 15mm;/);
    expect(css).toContain(`@top-left { content: ${cssString('Shropshire Accelerated Progress Plan, as at 31 December 2023')};`);
    expect(css).toContain('@top-right { content: "OFFICIAL-SENSITIVE";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(css).toContain('tr, .send-highlight-report li, .send-highlight-report caption { break-inside: avoid;');
    await notesRead();
  });

  it('prints, and goes back to the plan', async () => {
    const print = jest.fn();
    Object.assign(window, { print });
    const onClose = jest.fn();
    renderReport(undefined, onClose);
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the plan' }));
    expect(onClose).toHaveBeenCalled();
    await notesRead();
  });
});

describe('the report narrative', () => {
  const written: IBoardNarrative = { ...emptyNarrative('2023-12-31', 4), id: 21, etag: '"1"', keyMessages: 'Waits are falling.', escalations: 'Therapist vacancies.', boardAsk: 'Agree funding for two posts.', risks: '' };

  function renderWith(dataService: IPlanDataService, canEditActions: boolean): void {
    const snapshot = aSnapshot({ plan: aPlan({ reportingDates: BOARDS }), actions, log });
    render(<HighlightReport packService={aPackService()} snapshot={{ ...snapshot, access: { ...snapshot.access, canEditActions } }} today={TODAY} dataService={dataService} onClose={jest.fn()} />);
  }

  it('lets an editor write a priority area’s key messages and save them as a draft for the board date', async () => {
    const saveNarrative = jest.fn(async (_planId: number, narrative: IBoardNarrative) => ({ ...narrative, id: 30, etag: '"1"' }));
    const dataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)), saveNarrative });
    renderWith(dataService, true);
    const narrative = await screen.findByRole('region', { name: 'Narrative' });
    expect(dataService.loadNarratives).toHaveBeenCalledWith(1, '2023-12-31');
    const fields = within(narrative).getAllByRole('textbox', { name: 'Key messages' });
    expect(fields).toHaveLength(2);
    fireEvent.change(fields[0], { target: { value: 'Assessments within 18 weeks rose to 60%.' } });
    fireEvent.blur(fields[0]);
    expect(await within(narrative).findByText(/^Draft saved at \d\d:\d\d$/)).toBeInTheDocument();
    expect(saveNarrative).toHaveBeenCalledWith(1, { ...emptyNarrative('2023-12-31', 3), keyMessages: 'Assessments within 18 weeks rose to 60%.' });
    await notesRead();
  });

  it('says in words when someone else saved the part first, keeping the editor’s text and showing theirs', async () => {
    const saveNarrative = jest.fn().mockRejectedValue(new ConflictError({ ...written, etag: '"2"', keyMessages: 'Waits fell by a third.' }, '412'));
    renderWith(aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)), loadNarratives: jest.fn().mockResolvedValue([written]), saveNarrative }), true);
    const narrative = await screen.findByRole('region', { name: 'Narrative' });
    const field = within(narrative).getAllByRole('textbox', { name: 'Key messages' })[1];
    expect(field).toHaveValue('Waits are falling.');
    fireEvent.change(field, { target: { value: 'Mine.' } });
    fireEvent.blur(field);
    expect(await within(narrative).findByText(/^Not saved: someone else saved this part/)).toBeInTheDocument();
    expect(within(narrative).getByText('Waits fell by a third.')).toBeInTheDocument();
    expect(field).toHaveValue('Mine.');
    await notesRead();
  });

  it('shows a reader the saved text, with no field and no button', async () => {
    renderWith(aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)), loadNarratives: jest.fn().mockResolvedValue([written]) }), false);
    const narrative = await screen.findByRole('region', { name: 'Narrative' });
    await within(narrative).findByText('Waits are falling.');
    expect(within(narrative).getByText('Agree funding for two posts.')).toBeInTheDocument();
    expect(within(narrative).getByText('Asked of the board')).toBeInTheDocument();
    expect(within(narrative).queryAllByRole('textbox')).toEqual([]);
    expect(within(narrative).queryAllByRole('button')).toEqual([]);
    // Nothing written for the whole plan or priority 3 yet.
    expect(within(narrative).getAllByText('Not written.')).toHaveLength(2);
    await notesRead();
  });
});

describe('the print rules', () => {
  it('escape any text put into CSS content, so no title ends the string or the style element', async () => {
    expect(cssString('Plan "A" \\ </style><b>')).toBe('"Plan \\22 A\\22  \\5c  \\3c \\2f style\\3e \\3c b\\3e "');
    expect(cssString('Telford & Wrekin: 2023-24')).toBe('"Telford & Wrekin: 2023-24"');
    expect(pageNumberContent('Page {0} of {1}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageNumberContent('{0}/{1}')).toBe('counter(page) "\\2f " counter(pages)');
    expect(printCss({ heading: 'x', marking: 'OFFICIAL', pageNumber: '{0}' })).toContain('@bottom-right { content: counter(page);');
    await notesRead();
  });
});

describe('HighlightReport board packs', () => {
  const officer = (): IPlanSnapshot => {
    const snapshot = aSnapshot({ plan: aPlan({ reportingDates: BOARDS }), actions, kpis: [kpi], log });
    return { ...snapshot, access: { ...snapshot.access, canManageLists: true } };
  };
  const renderWith = (snapshot: IPlanSnapshot, packService: ReturnType<typeof aPackService>, dataService: IPlanDataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)) })): void => {
    render(<HighlightReport packService={packService} snapshot={snapshot} today={TODAY} dataService={dataService} onClose={jest.fn()} />);
  };

  it('freezes the pack for a board as shown: the figures then, the narrative written for it, and a copy without the controls', async () => {
    const packService = aPackService();
    const summary: IBoardNarrative = { ...emptyNarrative('2023-12-31'), id: 11, etag: '"1"', summary: 'Waits are falling.' };
    const dataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)), loadNarratives: jest.fn().mockResolvedValue([summary]) });
    renderWith(officer(), packService, dataService);
    await notesRead();
    expect(await screen.findByText('No pack has been frozen for this plan yet.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Freeze the pack for 31 December 2023' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Freeze the board pack for 31 December 2023?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Freeze the pack' }));

    expect(await screen.findByText(/^This is the pack frozen for the board of 31 December 2023, on .* by Kathryn Morgan: what the board saw/)).toBeInTheDocument();
    expect(packService.savePack).toHaveBeenCalledTimes(1);
    const [pack, file] = (packService.savePack as jest.Mock).mock.calls[0] as [IBoardPack, string];
    expect(pack).toMatchObject({ asAt: '2023-12-31', previousBoard: '2023-09-30', frozenBy: 'Kathryn Morgan', narratives: [summary] });
    // 3.1.1 was Red at the board, with its August note; the January one came later.
    expect(pack.exceptions.find((entry) => entry.action.ref === '3.1.1')?.action).toMatchObject({ status: 'Red', latestNote: 'Partner returns missing' });
    expect(readBoardPackFile(file)).toEqual(pack);
    expect(file).toContain('Shropshire Accelerated Progress Plan: board highlight report');
    expect(file).toContain('Waits are falling.');
    expect(file).not.toContain('Freeze the pack');
    expect(file).not.toContain('Frozen board packs');
    expect(screen.queryByRole('button', { name: /^Freeze the pack/ })).toBeNull();
    expect(screen.getByText('The pack for 31 December 2023 is frozen.').closest('[role="status"]')).not.toBeNull();
  });

  it('saves the summary just typed before freezing, so the pack holds it', async () => {
    const saved: IBoardNarrative[] = [];
    const dataService = aDataService({
      readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)),
      saveNarrative: jest.fn(async (_planId: number, narrative: IBoardNarrative) => {
        const stored = { ...narrative, id: 21, etag: '"1"' };
        saved.push(stored);
        return stored;
      }),
      loadNarratives: jest.fn(async () => saved.slice(-1))
    });
    const packService = aPackService();
    renderWith(officer(), packService, dataService);
    await notesRead();
    await screen.findByText('No pack has been frozen for this plan yet.');
    // Typed, and the pack frozen at once: before the pause that would save it.
    fireEvent.change(screen.getByRole('textbox', { name: 'Overall summary' }), { target: { value: 'Typed just before freezing.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Freeze the pack for 31 December 2023' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Freeze the pack' }));

    await screen.findByText(/^This is the pack frozen for the board of 31 December 2023/);
    const [pack] = (packService.savePack as jest.Mock).mock.calls[0] as [IBoardPack];
    expect(pack.narratives.map((narrative) => narrative.summary)).toEqual(['Typed just before freezing.']);
    expect(dataService.saveNarrative).toHaveBeenCalledTimes(1);
  });

  it('freezes nothing while a draft of the narrative cannot be saved', async () => {
    const dataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)), saveNarrative: jest.fn().mockRejectedValue(new PlanDataError('network', 'offline')) });
    const packService = aPackService();
    renderWith(officer(), packService, dataService);
    await notesRead();
    await screen.findByText('No pack has been frozen for this plan yet.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Overall summary' }), { target: { value: 'Not saved yet.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Freeze the pack for 31 December 2023' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Freeze the pack' }));

    expect(await screen.findByText(/^The pack was not frozen: a part of the narrative could not be saved/)).toBeInTheDocument();
    expect(packService.savePack).not.toHaveBeenCalled();
    expect(await screen.findByRole('textbox', { name: 'Overall summary' })).toHaveValue('Not saved yet.');
  });

  it('shows a frozen pack as the board saw it, whatever the lists say now, with its narrative read-only', async () => {
    const atBoard = officer();
    const frozen = freezePack(reportAsAt(atBoard, '2023-09-30'), [{ ...emptyNarrative('2023-09-30'), id: 3, summary: 'As frozen.' }], '2023-10-02T09:00:00Z', 'Sam Owner');
    // Since the board, 4.1.1 was marked Green back-dated to August.
    const now = { ...atBoard, actions: atBoard.actions.map((action) => (action.id === 3 ? { ...action, status: 'Green', history: [...action.history, { id: 99, actionId: 3, date: '2023-08-01', status: 'Green' }].sort((a, b) => a.date.localeCompare(b.date)) } : action)) };
    const dataService = aDataService({ readActionLogs: jest.fn(async (ids: number[]) => logsOf(ids)) });
    renderWith(now, aPackService([frozen]), dataService);
    await notesRead();

    fireEvent.click(await screen.findByRole('button', { name: 'Open the pack frozen for the board of 30 September 2023' }));

    expect(await screen.findByText(/^This is the pack frozen for the board of 30 September 2023, on 2 October 2023 by Sam Owner/)).toBeInTheDocument();
    expect(screen.getByText('Frozen by Sam Owner on 2 October 2023.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Report as at/ })).toHaveTextContent('30 September 2023 (frozen pack)');
    const exceptions = screen.getByRole('table', { name: /^Actions off track, overdue/ });
    expect(within(exceptions).getByRole('row', { name: /^4\.1\.1/ })).toHaveTextContent(/Amber/);
    expect(screen.getByText('As frozen.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Freeze the pack/ })).toBeNull();
    expect(dataService.loadNarratives).not.toHaveBeenCalledWith(1, '2023-09-30');
  });

  it('offers freezing to plan officers only, and only at a board date', async () => {
    const snapshot = aSnapshot({ plan: aPlan({ reportingDates: BOARDS }), actions, kpis: [kpi], log });
    renderWith(snapshot, aPackService());
    await notesRead();
    await screen.findByText('No pack has been frozen for this plan yet.');
    expect(screen.queryByRole('button', { name: /^Freeze the pack/ })).toBeNull();
  });

  it('says so when someone froze the board first, and lists their pack', async () => {
    const other = freezePack(reportAsAt(officer(), '2023-12-31'), [], '2024-01-02T09:00:00Z', 'Sam Owner');
    const packService = aPackService();
    renderWith(officer(), packService);
    await notesRead();
    await screen.findByText('No pack has been frozen for this plan yet.');
    // Someone else freezes the same board while this page is open.
    await packService.savePack(other, 'theirs');

    fireEvent.click(screen.getByRole('button', { name: 'Freeze the pack for 31 December 2023' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Freeze the pack' }));

    expect(await screen.findByText(/^The pack was not frozen: It has already been saved/)).toBeInTheDocument();
    expect(await screen.findByText(/^This is the pack frozen for the board of 31 December 2023, on 2 January 2024 by Sam Owner/)).toBeInTheDocument();
    expect(packService.files.get('1|2023-12-31')).toBe('theirs');
  });
});
