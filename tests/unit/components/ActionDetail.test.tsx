/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ActionDetail } from '../../../src/components/ActionDetail';
import { editValuesOf } from '../../../src/model/actionEdit';
import { IAction } from '../../../src/model/plan';
import { parsePlanDate } from '../../../src/model/planDates';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IActionEditDraft, IOpenedAction, IPlanDataService } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aPlan, aSnapshot } from '../../support/fixtures';

const LONG = 'Develop and launch the CDC advice line which will be accessible to children for whom there are concerns, '.repeat(8);
const action = anAction({
  id: 1,
  priorityId: 3,
  ref: '3.2.2',
  text: LONG,
  status: 'Amber',
  dueText: '?July 2023',
  revisedDue: parsePlanDate('Sept 2024'),
  revisedDueReason: 'New provider starts in the summer',
  etag: '"3"',
  tags: ['SEF'],
  evidence: [{ url: 'https://intranet.example/minutes.docx', description: 'Board minutes' }]
});
const log = [anUpdate(1, '2023-05-10', 'Green', 'Started on time'), anUpdate(1, '2023-08-01', 'Amber', 'Recruitment delayed'), anUpdate(1, '2023-08-20', undefined, 'Interviews booked')];

function renderDetail(service: IPlanDataService, overrides: Parameters<typeof aSnapshot>[0] = {}, subject: IAction = action): { onEdited: jest.Mock } {
  const onEdited = jest.fn();
  const snapshot = aSnapshot({ plan: aPlan({ reportingDates: ['2023-06-30', '2023-09-30', '2024-03-31'] }), actions: [subject], log, ...overrides });
  // The action as loaded: with the log's lines in its status history.
  render(<ActionDetail action={snapshot.actions[0]} snapshot={snapshot} dataService={service} today="2023-10-15" onSaved={jest.fn()} onEdited={onEdited} onDismiss={jest.fn()} />);
  return { onEdited };
}

describe('ActionDetail', () => {
  it('shows every field, both due dates with the reason, the status at each past board date and the log newest first', async () => {
    const service = aDataService({ openAction: jest.fn().mockResolvedValue({ log: log, texts: { deliveryPartners: [] } }) });
    renderDetail(service);
    expect(await screen.findByRole('heading', { name: 'Action 3.2.2' })).toBeInTheDocument();
    expect(screen.getByText(LONG.trim())).toBeInTheDocument();
    expect(screen.getByText('Original due date').nextSibling).toHaveTextContent('?July 2023 (31 July 2023, to be confirmed)');
    expect(screen.getByText('Revised due date').nextSibling).toHaveTextContent('Sept 2024 (30 September 2024). Reason: New provider starts in the summer');
    expect(screen.getByRole('link', { name: 'Board minutes' })).toHaveAttribute('href', 'https://intranet.example/minutes.docx');
    const periods = screen.getByRole('table', { name: 'Status at each board date' });
    expect(within(periods).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['30 June 2023Green', '30 September 2023Amber']);
    const logTable = await screen.findByRole('table', { name: /^Update log \(3 entries\)/ });
    expect(service.openAction).toHaveBeenCalledWith(expect.objectContaining({ id: 1, etag: '"3"' }), true);
    const rows = within(logTable).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Test Officer', 'Unchanged', 'Interviews booked'],
      ['Test Officer', 'Green → changed to Amber', 'Recruitment delayed'],
      ['Test Officer', 'No status → changed to Green', 'Started on time']
    ]);
  });

  it("shows an action loaded without its long texts with them once opened, and offers its edit only then, so a save never blanks them", async () => {
    let opened: (value: IOpenedAction) => void = () => undefined;
    const service = aDataService({ openAction: jest.fn(() => new Promise<IOpenedAction>((resolve) => (opened = resolve))) });
    renderDetail(service, {}, { ...action, deliveryPartners: [], desiredImpact: undefined, textsOmitted: true });
    const edit = await screen.findByRole('button', { name: 'Edit 3.2.2' });
    expect(edit).toBeDisabled();
    expect(screen.queryByText('Desired impact')).toBeNull();

    act(() => opened({ log, texts: { deliveryPartners: ['Health visitors', 'Early years settings'], desiredImpact: 'Families know where to turn' } }));
    expect((await screen.findByText('Desired impact')).nextSibling).toHaveTextContent('Families know where to turn');
    expect(screen.getByText('Delivery partners').nextSibling).toHaveTextContent('Health visitors, Early years settings');
    expect(edit).toBeEnabled();
  });

  it('shows each revision of a key field among the log entries by date: what, old → new, who, why', async () => {
    const service = aDataService({ openAction: jest.fn().mockResolvedValue({ log: log, texts: { deliveryPartners: [] } }) });
    const revised = anAction({
      ...action,
      revisions: [
        { date: '2023-07-12', at: '2023-07-12T10:00:00Z', by: 'Kathryn Morgan', field: 'revisedDue', old: '', new: 'Jun-24', reason: 'Provider withdrew' },
        { date: '2023-09-02', at: '2023-09-02T09:00:00Z', by: 'Millar Bownass', field: 'revisedDue', old: 'Jun-24', new: 'Sept 2024', reason: 'New provider starts in the summer' },
        { date: '2023-08-10', at: '2023-08-10T09:00:00Z', by: 'Kathryn Morgan', field: 'responsibleOfficer', old: 'ND Workstream to confirm', new: 'Alison Parkinson' }
      ]
    });
    renderDetail(service, {}, revised);
    const logTable = await screen.findByRole('table', { name: /^Update log \(6 entries\)/ });
    const rows = within(logTable).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual([
      '2 September 2023Millar BownassUnchangedDue date revised from Jun-24 to Sept 2024 by Millar Bownass: New provider starts in the summer',
      '20 August 2023Test OfficerUnchangedInterviews booked',
      '10 August 2023Kathryn MorganUnchangedResponsible officer changed from ND Workstream to confirm to Alison Parkinson by Kathryn Morgan',
      '1 August 2023Test OfficerGreen → changed to AmberRecruitment delayed',
      // The first revision moved the plan's own date (?July 2023).
      '12 July 2023Kathryn MorganUnchangedDue date revised from ?July 2023 to Jun-24 by Kathryn Morgan: Provider withdrew',
      '10 May 2023Test OfficerNo status → changed to GreenStarted on time'
    ]);
  });

  it('shows revisions even when the action has no log entries yet', async () => {
    const revised = anAction({ ...action, revisions: [{ date: '2023-09-02', at: '2023-09-02T09:00:00Z', by: 'Kathryn Morgan', field: 'text', old: 'Collate support', new: 'Collate and publish support' }] });
    renderDetail(aDataService({ openAction: jest.fn().mockResolvedValue({ log: [], texts: { deliveryPartners: [] } }) }), { log: [] }, revised);
    const logTable = await screen.findByRole('table', { name: /^Update log \(1 entries\)/ });
    expect(within(logTable).getByText('Action reworded from “Collate support” to “Collate and publish support” by Kathryn Morgan')).toBeInTheDocument();
    expect(screen.queryByText('No update yet')).not.toBeInTheDocument();
  });

  it('says when the log cannot be read, and still shows the action and its status at each board date', async () => {
    renderDetail(aDataService({ openAction: jest.fn().mockRejectedValue(new PlanDataError('throttled', '429 Too Many Requests', 429)) }));
    expect(await screen.findByText(/^The progress log could not be read\. SharePoint is busy/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Status at each board date' })).toBeInTheDocument();
  });

  it('shows evidence that is not a web address (a javascript: URL typed into the list) as text, never as a link', async () => {
    const hostile = { ...action, evidence: [{ url: 'javascript:alert(1)', description: 'Minutes' }, { url: 'https://intranet.example/a.docx', description: 'Report' }] };
    renderDetail(aDataService(), {}, hostile);
    expect(await screen.findByText('Minutes (not a web address, so not opened as a link: javascript:alert(1))')).toBeInTheDocument();
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://intranet.example/a.docx']);
  });

  it('shows a reader no update or edit controls', async () => {
    renderDetail(aDataService(), { access: { user: { id: 9, displayName: 'Alex Director' }, canEditActions: false, canAddUpdates: false, canUpdateKpis: false, canManageLists: false } });
    expect(await screen.findByText('You can read this plan but not update it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Update 3\.2\.2/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit 3\.2\.2/ })).not.toBeInTheDocument();
  });

  it('refuses a revised date without a reason, field by field, and saves nothing', async () => {
    const service = aDataService();
    renderDetail(service, {}, { ...action, revisedDue: undefined, revisedDueReason: undefined });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit 3.2.2' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Revised due date' }), { target: { value: 'Dec 2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Say why the due date moved: the board will ask.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Revised due date' }), { target: { value: 'Beginning in March' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/^This is not a date the plan can hold people to\./)).toBeInTheDocument();
    expect(service.saveActionEdit).not.toHaveBeenCalled();
  });

  it('keeps what was typed when a save fails, and says why', async () => {
    const service = aDataService({ saveActionEdit: jest.fn(() => Promise.reject(new PlanDataError('throttled', '429'))) });
    renderDetail(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit 3.2.2' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Resources' }), { target: { value: 'Two ND practitioners' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/^Your changes were not saved\. What you typed is still here\. SharePoint is busy/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Resources' })).toHaveValue('Two ND practitioners');
  });

  describe('when someone else saved the action first', () => {
    const theirs: IAction = { ...action, theme: 'Workforce', resources: 'One practitioner', etag: '"4"' };
    function conflicting(): IPlanDataService {
      let calls = 0;
      return aDataService({
        saveActionEdit: jest.fn((draft: IActionEditDraft) => {
          calls += 1;
          return calls === 1 ? Promise.reject(new ConflictError(theirs, '412')) : Promise.resolve({ ...draft.action, etag: '"5"' });
        })
      });
    }
    async function editResources(service: IPlanDataService): Promise<{ onEdited: jest.Mock }> {
      const rendered = renderDetail(service);
      fireEvent.click(await screen.findByRole('button', { name: 'Edit 3.2.2' }));
      fireEvent.change(await screen.findByRole('textbox', { name: 'Resources' }), { target: { value: 'Two ND practitioners' } });
      fireEvent.change(screen.getByRole('textbox', { name: 'Tags' }), { target: { value: 'SEF, DBV' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
      await screen.findByRole('heading', { name: 'Action 3.2.2 was changed by someone else' });
      return rendered;
    }

    it('shows both versions where they differ, defaulting each field to the merge', async () => {
      await editResources(conflicting());
      const table = screen.getByRole('table', { name: 'Your version and theirs, where they differ' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Theme', 'ResourcesChanged by both of you', 'Tags']);
      expect(within(rows[0]).getByRole('radio', { name: 'Theirs' })).toBeChecked();
      expect(within(rows[1]).getByRole('radio', { name: 'Yours' })).toBeChecked();
      expect(within(rows[2]).getByRole('radio', { name: 'Yours' })).toBeChecked();
    });

    it('saves the merge against their version (their ETag), with the choices made', async () => {
      const service = conflicting();
      const { onEdited } = await editResources(service);
      const rows = within(screen.getByRole('table', { name: /where they differ/ })).getAllByRole('row').slice(1);
      fireEvent.click(within(rows[1]).getByRole('radio', { name: 'Theirs' }));
      fireEvent.click(screen.getByRole('button', { name: 'Save with these choices' }));
      expect(await screen.findByText('Changes saved for action 3.2.2.')).toBeInTheDocument();
      const second = (service.saveActionEdit as jest.Mock).mock.calls[1][0] as IActionEditDraft;
      expect(second.action.etag).toBe('"4"');
      expect(second.values).toEqual({ ...editValuesOf(theirs), tags: 'SEF, DBV' });
      expect(onEdited).toHaveBeenCalledWith(expect.objectContaining({ etag: '"5"' }));
    });

    it('keeps all of mine, saved against their version', async () => {
      const service = conflicting();
      await editResources(service);
      fireEvent.click(screen.getByRole('button', { name: 'Keep all of mine' }));
      await screen.findByText('Changes saved for action 3.2.2.');
      expect(((service.saveActionEdit as jest.Mock).mock.calls[1][0] as IActionEditDraft).values).toEqual({ ...editValuesOf(action), resources: 'Two ND practitioners', tags: 'SEF, DBV' });
    });

    it('takes theirs, saving nothing of mine', async () => {
      const service = conflicting();
      const { onEdited } = await editResources(service);
      fireEvent.click(screen.getByRole('button', { name: 'Take theirs, drop mine' }));
      expect(await screen.findByText("Action 3.2.2 now shows the other person's version. Your changes were not saved.")).toBeInTheDocument();
      expect(service.saveActionEdit).toHaveBeenCalledTimes(1);
      expect(onEdited).toHaveBeenCalledWith(theirs);
    });
  });
});
