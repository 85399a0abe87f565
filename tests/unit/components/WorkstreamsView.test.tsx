/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WorkstreamsView } from '../../../src/components/WorkstreamsView';
import { PlanNavigationProvider } from '../../../src/components/navigation';
import { IActionFilter } from '../../../src/model/actionFilter';
import { IAction, IOutcome, IRole, withTexts } from '../../../src/model/plan';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { analyseSheet } from '../../../src/model/import/mapping';
import { anAction } from '../../support/builders';
import { aPriority } from '../../support/fixtures';
import { PlanDataError } from '../../../src/services/errors';


const priorities = [aPriority(3, '3', 'ND Pathways and Waiting Times'), aPriority(5, '5', 'Quality of EHC plans')];
const outcomes: IOutcome[] = [
  { id: 31, planId: 1, priorityId: 3, number: '3.1', title: 'Needs identified early' },
  { id: 32, planId: 1, priorityId: 3, number: '3.2', title: 'Timely assessment' }
];
const actions: IAction[] = [
  anAction({ id: 1, priorityId: 3, outcomeId: 31, ref: '3.1.1', text: 'Collate the support available for 0 - 5', status: 'Red', dueText: 'Apr-23', responsibleOfficer: { kind: 'person', person: { id: 7, displayName: 'Kathryn Morgan' } } }),
  anAction({ id: 2, priorityId: 3, outcomeId: 32, ref: '3.2.1', text: 'Gather feedback from early years settings', status: 'Green', dueText: '?July 2023', revisedDue: undefined }),
  anAction({ id: 3, priorityId: 5, ref: '5.1.1', text: 'Audit EHC plans', status: 'Complete', dueText: 'Sept 2023', tags: ['SEF'] })
];

/** The view with its filter held as the app holds it. */
function Harness({ initial = {}, items = actions, roles, readTexts = readTextsAsSaved }: { initial?: IActionFilter; items?: IAction[]; roles?: IRole[]; readTexts?: (actions: IAction[]) => Promise<IAction[]> }): JSX.Element {
  const [filter, setFilter] = React.useState<IActionFilter>(initial);
  return <WorkstreamsView priorities={priorities} outcomes={outcomes} actions={items} scheme={RAGC_SCHEME} today="2023-06-15" dueSoonDays={30} filter={filter} onFilterChange={setFilter} roles={roles} readTexts={readTexts} />;
}

/** The long texts as the lists hold them: the view's actions are loaded without. */
async function readTextsAsSaved(items: IAction[]): Promise<IAction[]> {
  return items.map((action) => withTexts(action, { deliveryPartners: ['Health visitors'], desiredImpact: `Families of ${action.ref} know where to turn` }));
}

/** The refs of the rows rendered now (while a dropdown is open Fluent hides the rest from the accessibility tree, so by cell). */
const visibleRefs = (): string[] => Array.from(document.querySelectorAll('.ms-DetailsRow [data-automation-key="ref"]')).map((cell) => cell.textContent ?? '');

/** Renders the view as the browser prints it: every row, not the scrolled window (jsdom has no layout to scroll). */
function renderPrinted(element: JSX.Element): void {
  render(element);
  act(() => {
    window.dispatchEvent(new Event('beforeprint'));
  });
}

describe('WorkstreamsView', () => {
  it('groups actions by priority and outcome, collapsible, with the due date as written and as derived', () => {
    renderPrinted(<Harness />);
    expect(screen.getByRole('button', { name: '3. ND Pathways and Waiting Times (2)' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: '3.1 Needs identified early (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '5. Quality of EHC plans (1)' })).toBeInTheDocument();
    expect(visibleRefs()).toEqual(['3.1.1', '3.2.1', '5.1.1']);
    fireEvent.click(screen.getByRole('button', { name: '3. ND Pathways and Waiting Times (2)' }));
    expect(screen.getByRole('button', { name: '3. ND Pathways and Waiting Times (2)' })).toHaveAttribute('aria-expanded', 'false');
    expect(visibleRefs()).toEqual(['5.1.1']);
    fireEvent.click(screen.getByRole('button', { name: '3. ND Pathways and Waiting Times (2)' }));
    expect(screen.getByText('?July 2023 (31 July 2023, to be confirmed)')).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3 actions.')).toBeInTheDocument();
  });

  it("explains each status pill in the scheme's words (a preset's label has none of its own)", () => {
    renderPrinted(<Harness />);
    const redPill = document.querySelector('.ms-DetailsRow [data-automation-key="status"] span[title]');
    expect(redPill).toHaveTextContent('Red');
    expect(redPill).toHaveAttribute('title', 'Delayed or low confidence of completion');
  });

  it('filters by status and by free text, says how many it shows, and clears', () => {
    renderPrinted(<Harness />);
    fireEvent.click(screen.getByRole('combobox', { name: /^Status/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Red' }));
    fireEvent.click(screen.getByRole('option', { name: 'Complete' }));
    expect(visibleRefs()).toEqual(['3.1.1', '5.1.1']);
    fireEvent.click(screen.getByRole('combobox', { name: /^Status/, hidden: true }));
    fireEvent.change(screen.getByRole('searchbox', { name: /Search/ }), { target: { value: 'audit' } });
    expect(visibleRefs()).toEqual(['5.1.1']);
    expect(screen.getByText('Showing 1 of 3 actions.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(visibleRefs()).toEqual(['3.1.1', '3.2.1', '5.1.1']);
  });

  it('filters by any of the priority areas chosen, and clears', () => {
    renderPrinted(<Harness />);
    fireEvent.click(screen.getByRole('combobox', { name: /^Priority area/ }));
    fireEvent.click(screen.getByRole('option', { name: '5. Quality of EHC plans' }));
    expect(visibleRefs()).toEqual(['5.1.1']);
    fireEvent.click(screen.getByRole('option', { name: '3. ND Pathways and Waiting Times' }));
    expect(visibleRefs()).toEqual(['3.1.1', '3.2.1', '5.1.1']);
    fireEvent.click(screen.getByRole('option', { name: '5. Quality of EHC plans' }));
    expect(visibleRefs()).toEqual(['3.1.1', '3.2.1']);
    expect(screen.getByText('Showing 2 of 3 actions.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /^Priority area/, hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(visibleRefs()).toEqual(['3.1.1', '3.2.1', '5.1.1']);
  });

  it('opens on the filter a figure set, with its description, and says when nothing matches', async () => {
    renderPrinted(<Harness initial={{ actionIds: [3], description: 'Improved since 31 March 2023' }} />);
    expect(await screen.findByText('Improved since 31 March 2023')).toBeInTheDocument();
    expect(visibleRefs()).toEqual(['5.1.1']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue' }));
    expect(await screen.findByText('No actions match these filters.')).toBeInTheDocument();
  });

  it('sorts by a column header, descending on the second click', () => {
    renderPrinted(<Harness items={[...actions, anAction({ id: 4, priorityId: 3, outcomeId: 31, ref: '3.1.2', dueText: 'Dec-23' })]} />);
    fireEvent.click(screen.getByText('Due', { selector: '.ms-DetailsHeader-cellName' }));
    fireEvent.click(screen.getByText('Due', { selector: '.ms-DetailsHeader-cellName' }));
    // The sort applies within each outcome; the groups keep the plan's order.
    expect(visibleRefs()).toEqual(['3.1.2', '3.1.1', '3.2.1', '5.1.1']);
    expect(screen.getByRole('columnheader', { name: /Due/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('opens an action from its ref', () => {
    const navigation = { openList: jest.fn(), openAction: jest.fn(), openKpi: jest.fn() };
    renderPrinted(
      <PlanNavigationProvider value={navigation}>
        <Harness />
      </PlanNavigationProvider>
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open action 3.2.1' }));
    expect(navigation.openAction).toHaveBeenCalledWith(2);
  });

  it('exports what the view shows, its filter applied, as CSV that the import reads back', async () => {
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPrinted(<Harness initial={{ statuses: ['Red', 'Complete'] }} items={actions.map((action) => ({ ...action, textsOmitted: true }))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    // jsdom's Blob has no arrayBuffer(); FileReader reads it as a browser would, byte-order mark and all.
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(saved[0]);
    });
    const rows = (await readSpreadsheet('export.csv', bytes)).sheets[0].rows;
    expect(rows[0].slice(0, 5)).toEqual(['Ref', 'Priority', 'Outcome', 'Theme', 'Action']);
    const rag = rows[0].indexOf('RAG');
    const impact = rows[0].indexOf('Desired Impact');
    // The long texts the view's load left out are read before the file is written.
    expect(rows.slice(1).map((row) => [row[0], row[1], row[rag], row[impact]])).toEqual([
      ['3.1.1', '3. ND Pathways and Waiting Times', 'Red', 'Families of 3.1.1 know where to turn'],
      ['5.1.1', '5. Quality of EHC plans', 'Complete', 'Families of 5.1.1 know where to turn']
    ]);
    expect(analyseSheet(rows)?.columns.filter((entry) => entry.target.kind === 'field').length).toBeGreaterThanOrEqual(18);
    click.mockRestore();
  });

  it('says why an export failed when the long texts cannot be read, and writes no file', async () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<Harness readTexts={() => Promise.reject(new PlanDataError('throttled', '429 Too Many Requests', 429))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to Excel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^The export could not read the actions: /);
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Export to Excel' })).toBeEnabled();
    click.mockRestore();
  });

  it('says so for a plan with no actions', async () => {
    render(<Harness items={[]} />);
    expect(await screen.findByText('This plan has no actions yet.')).toBeInTheDocument();
  });

  it('renders only a window of a plan with thousands of actions, and every row when printed', () => {
    const plan = (count: number): IAction[] =>
      Array.from({ length: count }, (_, index) => anAction({ id: index + 1, priorityId: 5, ref: `5.${Math.floor(index / 100) + 1}.${(index % 100) + 1}`, text: 'A long action text '.repeat(20) }));
    const { unmount } = render(<Harness items={plan(3000)} />);
    expect(screen.getByText('Showing 3000 of 3000 actions.')).toBeInTheDocument();
    const rendered = visibleRefs().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
    unmount();
    // Rendering every row is slow in jsdom, so printing is shown on a smaller plan that is still past the window.
    render(<Harness items={plan(400)} />);
    expect(visibleRefs().length).toBeLessThan(200);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(visibleRefs()).toHaveLength(400);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(visibleRefs().length).toBeLessThan(200);
  });

  describe('the officer filter with the roles glossary', () => {
    const MILLAR = { id: 13, displayName: 'Millar Bownass' };
    const roles: IRole[] = [
      { id: 1, planId: 1, title: 'Commissioners', holder: MILLAR },
      { id: 2, planId: 1, title: 'Designated Clinical Officer' }
    ];
    const owned: IAction[] = [
      ...actions,
      anAction({ id: 4, priorityId: 3, outcomeId: 31, ref: '3.1.2', responsibleOfficer: { kind: 'role', role: 'Commissioners' } }),
      anAction({ id: 5, priorityId: 3, outcomeId: 31, ref: '3.1.3', responsibleOfficer: { kind: 'text', text: 'TBC', pending: true } }),
      anAction({ id: 6, priorityId: 3, outcomeId: 32, ref: '3.2.2', responsibleOfficer: { kind: 'text', text: 'твс', pending: false } }),
      anAction({ id: 7, priorityId: 5, ref: '5.1.2', responsibleOfficer: { kind: 'text', text: 'MPFT', pending: false } }),
      anAction({ id: 8, priorityId: 5, ref: '5.1.3', responsibleOfficer: { kind: 'text', text: 'mpft ', pending: false } }),
      anAction({ id: 9, priorityId: 5, ref: '5.1.4', responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' } }),
      anAction({ id: 10, priorityId: 5, ref: '5.1.5', text: 'Old audit', retired: { date: '2023-05-01', reason: 'Done by 5.1.1' } })
    ];

    it('lists people, roles with their holder, and names not linked, each under its heading, near-duplicates once', () => {
      renderPrinted(<Harness items={owned} roles={roles} />);
      fireEvent.click(screen.getByRole('combobox', { name: /^Responsible officer/ }));
      const listbox = screen.getByRole('listbox');
      // Fluent's section headers are presentation, so the listbox holds options; read the whole menu in order.
      const menu = Array.from(listbox.querySelectorAll('[role="option"], .ms-Dropdown-header')).map((item) => [item.getAttribute('role') === 'option' ? 'option' : 'heading', item.textContent]);
      expect(menu).toEqual([
        ['option', 'Anyone'],
        ['heading', 'People'],
        ['option', 'Kathryn Morgan'],
        ['option', 'Millar Bownass'],
        ['heading', 'Roles'],
        ['option', 'Commissioners (Millar Bownass)'],
        ['option', 'Designated Clinical Officer, no holder recorded'],
        ['heading', 'Not linked to a person'],
        ['option', 'Not yet named'],
        ['option', 'MPFT']
      ]);
    });

    it('finds a person’s actions through the role they hold, and every placeholder as "Not yet named"', () => {
      renderPrinted(<Harness items={owned} roles={roles} />);
      fireEvent.click(screen.getByRole('combobox', { name: /^Responsible officer/ }));
      fireEvent.click(screen.getByRole('option', { name: 'Millar Bownass' }));
      expect(visibleRefs()).toEqual(['3.1.2']);
      fireEvent.click(screen.getByRole('combobox', { name: /^Responsible officer/ }));
      fireEvent.click(screen.getByRole('option', { name: 'Not yet named' }));
      expect(visibleRefs()).toEqual(['3.1.3', '3.2.2']);
      fireEvent.click(screen.getByRole('combobox', { name: /^Responsible officer/ }));
      fireEvent.click(screen.getByRole('option', { name: 'MPFT' }));
      expect(visibleRefs()).toEqual(['5.1.2', '5.1.3']);
    });

    it('shows a retired action with the word "Retired" beside its text', () => {
      renderPrinted(<Harness items={owned} roles={roles} />);
      const texts = Array.from(document.querySelectorAll('.ms-DetailsRow [data-automation-key="text"]')).map((text) => text.textContent);
      expect(texts.filter((text) => text?.startsWith('Retired'))).toEqual(['Retired Old audit']);
    });
  });
});
