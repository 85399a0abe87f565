/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { UpdateRequests } from '../../../src/components/UpdateRequests';
import { IUpdateRequest } from '../../../src/model/updateRequests';
import { IMailMessage, IMailSender, MailNotPermittedError, MailSendError } from '../../../src/services/IMailSender';
import { IUpdateRequestService } from '../../../src/services/IUpdateRequestService';
import { IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { anAction } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

const FRAN = { id: 11, displayName: 'Fran Davis', email: 'fran.davis@send.example' };
const KATHRYN = { id: 12, displayName: 'Kathryn Morgan', email: 'kathryn.morgan@send.example' };
const PAGE = 'https://contoso.sharepoint.com/sites/send/SitePages/Plan.aspx';
const TODAY = '2024-02-29';
const NOW = (): Date => new Date('2024-02-29T10:15:00.000Z');

const history = (actionId: number, date: string): IPlanSnapshot['actions'][number]['history'] => [{ id: actionId, actionId, date, status: 'Green' }];

function theSnapshot(): IPlanSnapshot {
  return aSnapshot({
    plan: aPlan({ reportingDates: ['2023-12-31', '2024-03-31'] }),
    actions: [
      anAction({ id: 1, ref: '5.1.1', text: 'Publish the EHCP quality standards', status: 'Green', dueText: 'Dec-24', responsibleOfficer: { kind: 'role', role: 'SEN Team Manager' } }),
      anAction({ id: 2, ref: '5.1.2', text: 'Deliver plan writing training', status: 'Amber', dueText: 'Jan-24', responsibleOfficer: { kind: 'person', person: FRAN }, history: history(2, '2024-02-10') }),
      anAction({ id: 3, ref: '3.1.1', text: 'Collate the support available for 0 - 5', status: 'Green', dueText: 'Feb-24', responsibleOfficer: { kind: 'text', text: 'TBC', pending: true }, strategicLead: { kind: 'person', person: KATHRYN }, history: history(3, '2024-02-01') }),
      anAction({ id: 4, ref: '3.1.2', text: 'Agree the DCO role', status: 'Green', dueText: 'Dec-24', responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' } }),
      anAction({ id: 5, ref: '3.1.3', text: 'Finished work', status: 'Complete', dueText: 'Jan-24', responsibleOfficer: { kind: 'person', person: FRAN } }),
      anAction({ id: 6, ref: '3.1.4', text: 'Answered since', status: 'Green', dueText: 'Dec-24', responsibleOfficer: { kind: 'person', person: KATHRYN }, history: history(6, '2024-02-27') })
    ],
    roles: [{ id: 1, planId: 1, title: 'SEN Team Manager', holder: FRAN }],
    access: { user: { id: 1, displayName: 'Sam Owner', email: 'sam.owner@send.example' }, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: true }
  });
}

const EARLIER: IUpdateRequest = {
  id: 40,
  planId: 1,
  boardDate: '2024-03-31',
  recipient: { id: 12, email: KATHRYN.email, name: KATHRYN.displayName },
  actionIds: [3, 6, 99],
  sentAt: '2024-02-26T09:00:00.000Z',
  sentBy: 'Sam Owner',
  channel: 'graph'
};
const LAST_BOARDS: IUpdateRequest = { ...EARLIER, id: 30, boardDate: '2023-12-31', recipient: { email: FRAN.email, name: 'Fran from the last cycle' } };

function aRequestService(): IUpdateRequestService & { recordRequests: jest.Mock } {
  let nextId = 100;
  return {
    loadRequests: jest.fn(async () => [EARLIER, LAST_BOARDS]),
    recordRequests: jest.fn(async (requests: Array<Omit<IUpdateRequest, 'id'>>) => requests.map((request) => ({ ...request, id: nextId++ })))
  };
}

/** Renders the view and waits for the requests sent to be read. */
async function renderRequests(mailSender: IMailSender, requestService = aRequestService()): Promise<typeof requestService> {
  render(<UpdateRequests snapshot={theSnapshot()} today={TODAY} dueSoonDays={30} requestService={requestService} mailSender={mailSender} pageUrl={PAGE} onDismiss={jest.fn()} now={NOW} />);
  await screen.findByText(/^Kathryn Morgan, asked 3 days ago/);
  return requestService;
}

function personItem(name: string): HTMLElement {
  return screen.getByRole('checkbox', { name: new RegExp(`^${name}`) }).closest('li') as HTMLElement;
}

describe('UpdateRequests', () => {
  it('shows who owes what for the next board, per person with roles resolved, each action with why, and what reaches nobody', async () => {
    await renderRequests({ send: jest.fn() });
    expect(screen.getByText('For the board on 31 March 2024: unfinished actions with no update since the board on 31 December 2023, overdue, or due in the next 30 days.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Fran Davis (fran.davis@send.example): 2 actions' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kathryn Morgan (kathryn.morgan@send.example): 1 action' })).toBeChecked();
    const fran = personItem('Fran Davis');
    expect(within(fran).getByText(/Publish the EHCP quality standards \(no update since the board on 31 December 2023\)/)).toBeInTheDocument();
    expect(within(fran).getByText(/Deliver plan writing training \(overdue: due 31 January 2024\)/)).toBeInTheDocument();
    expect(within(personItem('Kathryn Morgan')).getByText(/Collate the support available for 0 - 5 \(due 29 February 2024\)/)).toBeInTheDocument();
    expect(screen.queryByText(/Finished work/)).not.toBeInTheDocument();
    const noOne = screen.getByRole('region', { name: 'No one to ask' });
    expect(within(noOne).getByText(/Agree the DCO role: the role “Designated Clinical Officer” has no holder/)).toBeInTheDocument();
  });

  it('gives the answer rate in words for the requests sent for this board only', async () => {
    await renderRequests({ send: jest.fn() });
    const sent = screen.getByRole('region', { name: 'Requests sent for this board' });
    // 3.1.1 was updated before the request, 3.1.4 after it; action 99 is no longer in the plan.
    expect(within(sent).getByText('Kathryn Morgan, asked 3 days ago by Sam Owner (by e-mail): 1 of 3 updated')).toBeInTheDocument();
    expect(within(sent).queryByText(/Fran from the last cycle/)).not.toBeInTheDocument();
  });

  it('sends one message to each person chosen, records each request sent, and lists it with its answer rate', async () => {
    const sent: IMailMessage[] = [];
    const service = await renderRequests({ send: jest.fn(async (message: IMailMessage) => void sent.push(message)) });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Kathryn Morgan/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send requests (1)' }));

    expect(await screen.findByText('Sent to Fran Davis.')).toBeInTheDocument();
    expect(sent.map((message) => message.to.address)).toEqual([FRAN.email]);
    expect(sent[0].html).toContain(`<a href="${PAGE}?action=1">5.1.1</a> Publish the EHCP quality standards (no update since the board on 31 December 2023)`);
    expect(sent[0].html).toContain(`<a href="${PAGE}?action=2">5.1.2</a>`);
    expect(service.recordRequests).toHaveBeenCalledTimes(1);
    expect(service.recordRequests).toHaveBeenCalledWith([
      { planId: 1, boardDate: '2024-03-31', recipient: { id: 11, email: FRAN.email, name: 'Fran Davis' }, actionIds: [1, 2], sentAt: '2024-02-29T10:15:00.000Z', sentBy: 'Sam Owner', channel: 'graph' }
    ]);
    const list = screen.getByRole('region', { name: 'Requests sent for this board' });
    expect(await within(list).findByText('Fran Davis, asked today by Sam Owner (by e-mail): 0 of 2 updated')).toBeInTheDocument();
  });

  it('prepares each message as a mail link when sending is not permitted, and records a request when its link is opened, once', async () => {
    const send = jest.fn(async () => {
      throw new MailNotPermittedError('ErrorAccessDenied: Access is denied.');
    });
    const service = await renderRequests({ send });
    // jsdom cannot follow a mailto: link; the click still reaches the component.
    const stopNavigation = (event: Event): void => event.preventDefault();
    document.addEventListener('click', stopNavigation);
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Send requests (2)' }));
      expect(await screen.findByText(/has not approved sending mail from this web part/)).toBeInTheDocument();
      // Graph is not tried again for the second person once it said no.
      expect(send).toHaveBeenCalledTimes(1);
      const link = screen.getByRole('link', { name: 'Open the request to Kathryn Morgan in your mail app' });
      expect(link.getAttribute('href')).toMatch(/^mailto:kathryn\.morgan@send\.example\?subject=Update%20needed%20before%20the%20board%20on%2031%20March%202024/);
      expect(decodeURIComponent(link.getAttribute('href') as string)).toContain(`3.1.1 Collate the support available for 0 - 5 (due 29 February 2024): ${PAGE}?action=3`);
      expect(service.recordRequests).not.toHaveBeenCalled();

      fireEvent.click(link);
      fireEvent.click(link);
      expect(await screen.findByText(/Opened in your mail app for Kathryn Morgan, and recorded./)).toBeInTheDocument();
      await waitFor(() => expect(service.recordRequests).toHaveBeenCalledTimes(1));
      expect(service.recordRequests).toHaveBeenCalledWith([expect.objectContaining({ recipient: { id: 12, email: KATHRYN.email, name: 'Kathryn Morgan' }, actionIds: [3], channel: 'mailLink' })]);
      expect(await screen.findByText('Kathryn Morgan, asked today by Sam Owner (from their mail app): 0 of 1 updated')).toBeInTheDocument();
    } finally {
      document.removeEventListener('click', stopNavigation);
    }
  });

  it('says who was not sent to and why, and offers to save the record again when it could not be saved', async () => {
    const service = aRequestService();
    service.recordRequests.mockRejectedValueOnce(new Error('The list is locked.'));
    const send = jest.fn(async (message: IMailMessage) => {
      if (message.to.address === KATHRYN.email) throw new MailSendError('ErrorInvalidRecipients: Recipient isn\'t resolved.', 400);
    });
    await renderRequests({ send }, service);
    fireEvent.click(screen.getByRole('button', { name: 'Send requests (2)' }));
    expect(await screen.findByText("Not sent to Kathryn Morgan: the mail service did not take it (ErrorInvalidRecipients: Recipient isn't resolved.)")).toBeInTheDocument();
    expect(await screen.findByText('The record of these requests could not be saved: The list is locked.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save the record again' }));
    await waitFor(() => expect(service.recordRequests).toHaveBeenCalledTimes(2));
    expect(service.recordRequests.mock.calls[1][0]).toEqual(service.recordRequests.mock.calls[0][0]);
    expect(await screen.findByText('Fran Davis, asked today by Sam Owner (by e-mail): 0 of 2 updated')).toBeInTheDocument();
  });
});
