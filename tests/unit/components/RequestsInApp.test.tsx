/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ImprovementPlanApp } from '../../../src/components/ImprovementPlanApp';
import { IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { aDataService, aPackService, aSnapshot } from '../../support/fixtures';

const requestService = { loadRequests: jest.fn(async () => []), recordRequests: jest.fn() };
const mailSender = { send: jest.fn() };

function renderApp(snapshot: IPlanSnapshot): ReturnType<typeof render> {
  return render(
    <ImprovementPlanApp
      packService={aPackService()}
      dataService={aDataService({ loadPlan: jest.fn(async () => snapshot) })}
      planId={1}
      today="2023-06-15"
      theme={{}}
      requestService={requestService}
      mailSender={mailSender}
      pageUrl="https://contoso.sharepoint.com/sites/send/SitePages/Plan.aspx"
    />
  );
}

describe('requests for updates in the app', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('opens the action a link names (?action=id) when the page loads', async () => {
    window.history.replaceState(null, '', '/?action=3');
    renderApp(aSnapshot());
    expect(await screen.findByRole('heading', { name: 'Action 3.1.3' })).toBeInTheDocument();
  });

  it('opens nothing for a link to an action the plan does not have', async () => {
    window.history.replaceState(null, '', '/?action=999');
    renderApp(aSnapshot());
    await screen.findByRole('heading', { name: 'Shropshire Accelerated Progress Plan' });
    expect(screen.queryByRole('heading', { name: /^Action / })).not.toBeInTheDocument();
  });

  it('offers requests for updates to a plan officer, and to no one else', async () => {
    for (const canManageLists of [true, false]) {
      const snapshot = aSnapshot();
      const { unmount } = renderApp({ ...snapshot, access: { ...snapshot.access, canManageLists } });
      await screen.findByRole('heading', { name: 'Shropshire Accelerated Progress Plan' });
      const button = screen.queryByRole('button', { name: 'Requests for updates' });
      expect(button !== null).toBe(canManageLists);
      if (button) {
        fireEvent.click(button);
        expect(await screen.findByText(/The plan has no board date after today/)).toBeInTheDocument();
        fireEvent.click(screen.getByRole('button', { name: 'Close requests for updates' }));
      }
      unmount();
    }
  });
});
