/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ReportNarrative } from '../../../src/components/report/ReportNarrative';
import { IBoardNarrative, emptyNarrative } from '../../../src/model/narrative';
import { IPriorityArea } from '../../../src/model/plan';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IPlanDataService } from '../../../src/services/IPlanDataService';
import { aDataService, aPriority } from '../../support/fixtures';

const BOARD = '2023-12-31';
const SLCN = aPriority(4, '4', 'SLCN Pathways and Waiting Times');
const PLAN_ID = 1;

interface ISaveCall {
  resolve(saved: IBoardNarrative): void;
  reject(error: unknown): void;
}

/**
 * A saveNarrative whose every call waits until the test answers it, so a test can act
 * while a save is in flight. `answer` settles the oldest unanswered call.
 */
function heldSaves(): { saveNarrative: jest.Mock<Promise<IBoardNarrative>, [number, IBoardNarrative]>; answer(outcome: IBoardNarrative | Error): Promise<void> } {
  const waiting: ISaveCall[] = [];
  const saveNarrative = jest.fn((_planId: number, _narrative: IBoardNarrative) => new Promise<IBoardNarrative>((resolve, reject) => waiting.push({ resolve, reject })));
  return {
    saveNarrative,
    answer: async (outcome) => {
      const call = waiting.shift();
      if (!call) throw new Error('No save is waiting for an answer');
      await act(async () => {
        if (outcome instanceof Error) call.reject(outcome);
        else call.resolve(outcome);
      });
    }
  };
}

/** Lets the narrative's read (a resolved promise) land. */
async function settle(): Promise<void> {
  await act(async () => undefined);
}

function pause(ms: number): void {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

async function renderNarrative(dataService: IPlanDataService, priorities: IPriorityArea[] = [], frozen?: IBoardNarrative[]): Promise<ReturnType<typeof render>> {
  const rendered = render(<ReportNarrative dataService={dataService} planId={PLAN_ID} priorities={priorities} boardDate={BOARD} canEdit frozen={frozen} />);
  await settle();
  return rendered;
}

const summaryField = (): HTMLElement => screen.getByRole('textbox', { name: 'Overall summary' });
/** The status line of a part (the whole plan's unless named). */
const status = (part = 'The whole plan'): HTMLElement => within(screen.getByRole('group', { name: part })).getByRole('status');
const SLCN_PART = '4. SLCN Pathways and Waiting Times';
const type = (field: HTMLElement, value: string): void => {
  fireEvent.change(field, { target: { value } });
};

describe('ReportNarrative drafts', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(2024, 1, 29, 14, 32, 5));
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('saves a part once the person stops typing for 1.5 seconds, and says when in a polite status', async () => {
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ saveNarrative }));
    expect(status()).toHaveAttribute('aria-live', 'polite');

    type(summaryField(), 'Waits');
    pause(1000);
    type(summaryField(), 'Waits are falling.');
    pause(1499);
    // Each keystroke starts the pause again, and the status does not change as the person types.
    expect(saveNarrative).not.toHaveBeenCalled();
    expect(status()).toHaveTextContent(/^$/);
    pause(1);
    expect(saveNarrative.mock.calls).toEqual([[PLAN_ID, { ...emptyNarrative(BOARD), summary: 'Waits are falling.' }]]);
    expect(status()).toHaveTextContent('Saving…');

    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'Waits are falling.' });
    expect(status()).toHaveTextContent('Draft saved at 14:32');
    type(summaryField(), 'Waits are falling fast.');
    expect(status()).toHaveTextContent('Draft saved at 14:32');
  });

  it('saves at once when a field is left, and not again when the pause ends', async () => {
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ saveNarrative }));
    type(summaryField(), 'Two posts to fund.');
    fireEvent.blur(summaryField());
    expect(saveNarrative.mock.calls).toEqual([[PLAN_ID, { ...emptyNarrative(BOARD), summary: 'Two posts to fund.' }]]);
    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'Two posts to fund.' });
    pause(5000);
    fireEvent.blur(summaryField());
    expect(saveNarrative).toHaveBeenCalledTimes(1);
  });

  it('saves nothing for a part left unwritten', async () => {
    const saveNarrative = jest.fn();
    await renderNarrative(aDataService({ saveNarrative }));
    fireEvent.blur(summaryField());
    pause(5000);
    expect(saveNarrative).not.toHaveBeenCalled();
  });

  it('creates a new part once: a save asked for while the first is in flight waits for its id, then sends the latest text', async () => {
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ saveNarrative }));
    type(summaryField(), 'One');
    fireEvent.blur(summaryField());
    type(summaryField(), 'One, two');
    fireEvent.blur(summaryField());
    type(screen.getByRole('textbox', { name: 'Decisions needed' }), 'Agree the plan.');
    pause(1500);
    expect(saveNarrative.mock.calls).toEqual([[PLAN_ID, { ...emptyNarrative(BOARD), summary: 'One' }]]);

    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'One' });
    expect(saveNarrative.mock.calls).toEqual([
      [PLAN_ID, { ...emptyNarrative(BOARD), summary: 'One' }],
      [PLAN_ID, { ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'One, two', decisions: 'Agree the plan.' }]
    ]);
    expect(status()).toHaveTextContent('Saving…');
    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"2"', summary: 'One, two', decisions: 'Agree the plan.' });
    expect(status()).toHaveTextContent('Draft saved at 14:32');
    expect(saveNarrative).toHaveBeenCalledTimes(2);
  });

  it('saves an edit made during a save after it returns, with the ETag that save returned', async () => {
    const written: IBoardNarrative = { ...emptyNarrative(BOARD), id: 21, etag: '"1"', summary: 'Waits are falling.' };
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ loadNarratives: jest.fn().mockResolvedValue([written]), saveNarrative }));
    expect(summaryField()).toHaveValue('Waits are falling.');
    type(summaryField(), 'Waits fell by a third.');
    pause(1500);
    type(summaryField(), 'Waits fell by a third in a year.');
    pause(1500);
    expect(saveNarrative).toHaveBeenCalledTimes(1);

    await answer({ ...written, etag: '"2"', summary: 'Waits fell by a third.' });
    await answer({ ...written, etag: '"3"', summary: 'Waits fell by a third in a year.' });
    expect(saveNarrative.mock.calls).toEqual([
      [PLAN_ID, { ...written, summary: 'Waits fell by a third.' }],
      [PLAN_ID, { ...written, etag: '"2"', summary: 'Waits fell by a third in a year.' }]
    ]);
    expect(status()).toHaveTextContent('Draft saved at 14:32');
  });

  describe('when someone else saved the part first', () => {
    const written: IBoardNarrative = { ...emptyNarrative(BOARD, 4), id: 21, etag: '"1"', keyMessages: 'Waits are falling.', boardAsk: 'Agree funding for two posts.' };
    const theirs: IBoardNarrative = { ...written, etag: '"3"', keyMessages: 'Waits fell by a third.' };

    async function conflicted(): Promise<ReturnType<typeof heldSaves>> {
      const saves = heldSaves();
      await renderNarrative(aDataService({ loadNarratives: jest.fn().mockResolvedValue([written]), saveNarrative: saves.saveNarrative }), [SLCN]);
      const field = screen.getByRole('textbox', { name: 'Key messages' });
      type(field, 'Mine.');
      fireEvent.blur(field);
      await saves.answer(new ConflictError(theirs, '412'));
      return saves;
    }

    it('shows their text beside this person’s, and sends nothing more until the person chooses', async () => {
      const { saveNarrative } = await conflicted();
      expect(screen.getByText(/^Not saved: someone else saved this part/)).toBe(status(SLCN_PART));
      const their = screen.getByRole('group', { name: 'Their text, as saved now' });
      expect(within(their).getByText('Waits fell by a third.')).toBeInTheDocument();
      const field = screen.getByRole('textbox', { name: 'Key messages' });
      expect(field).toHaveValue('Mine.');
      type(field, 'Mine, still.');
      pause(5000);
      fireEvent.blur(field);
      expect(saveNarrative).toHaveBeenCalledTimes(1);
      expect(field).toHaveValue('Mine, still.');
    });

    it('keeps this person’s text by saving it over theirs with their ETag', async () => {
      const { saveNarrative, answer } = await conflicted();
      fireEvent.click(screen.getByRole('button', { name: /^Keep mine for 4\. SLCN Pathways and Waiting Times/ }));
      expect(saveNarrative.mock.calls[1]).toEqual([PLAN_ID, { ...theirs, keyMessages: 'Mine.' }]);
      await answer({ ...theirs, etag: '"4"', keyMessages: 'Mine.' });
      expect(status(SLCN_PART)).toHaveTextContent('Draft saved at 14:32');
      expect(screen.queryByRole('group', { name: 'Their text, as saved now' })).toBeNull();
      expect(screen.getByRole('textbox', { name: 'Key messages' })).toHaveFocus();
    });

    it('takes their text into the fields, saving nothing, and then writes on from their ETag', async () => {
      const { saveNarrative, answer } = await conflicted();
      fireEvent.click(screen.getByRole('button', { name: /^Use theirs for 4\. SLCN Pathways and Waiting Times/ }));
      const field = screen.getByRole('textbox', { name: 'Key messages' });
      expect(field).toHaveValue('Waits fell by a third.');
      expect(field).toHaveFocus();
      expect(screen.queryByRole('group', { name: 'Their text, as saved now' })).toBeNull();
      pause(5000);
      expect(saveNarrative).toHaveBeenCalledTimes(1);

      type(field, 'Waits fell by a third since June.');
      pause(1500);
      expect(saveNarrative.mock.calls[1]).toEqual([PLAN_ID, { ...theirs, keyMessages: 'Waits fell by a third since June.' }]);
      await answer({ ...theirs, etag: '"4"', keyMessages: 'Waits fell by a third since June.' });
    });
  });

  it('says why a save failed, keeps the text, and saves it again on Retry', async () => {
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ saveNarrative }));
    type(summaryField(), 'Waits are falling.');
    fireEvent.blur(summaryField());
    await answer(new PlanDataError('network', 'Failed to fetch'));
    expect(status().textContent).toMatch(/^Not saved: .+ Your text is still in the fields\.$/);
    expect(summaryField()).toHaveValue('Waits are falling.');

    fireEvent.click(screen.getByRole('button', { name: 'Retry saving The whole plan' }));
    expect(saveNarrative.mock.calls).toEqual([
      [PLAN_ID, { ...emptyNarrative(BOARD), summary: 'Waits are falling.' }],
      [PLAN_ID, { ...emptyNarrative(BOARD), summary: 'Waits are falling.' }]
    ]);
    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'Waits are falling.' });
    expect(status()).toHaveTextContent('Draft saved at 14:32');
    expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull();
  });

  it('still saves what was typed when the part leaves the page before the pause ends', async () => {
    const { saveNarrative } = heldSaves();
    const { unmount } = await renderNarrative(aDataService({ saveNarrative }));
    type(summaryField(), 'Typed just before the date changed.');
    unmount();
    expect(saveNarrative.mock.calls).toEqual([[PLAN_ID, { ...emptyNarrative(BOARD), summary: 'Typed just before the date changed.' }]]);
  });

  it('asks the browser to confirm leaving while a draft is not yet saved, and not once it is', async () => {
    const { saveNarrative, answer } = heldSaves();
    await renderNarrative(aDataService({ saveNarrative }));
    const leave = (): boolean => window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
    expect(leave()).toBe(true);
    type(summaryField(), 'Not yet saved.');
    expect(leave()).toBe(false);
    fireEvent.blur(summaryField());
    await answer({ ...emptyNarrative(BOARD), id: 30, etag: '"1"', summary: 'Not yet saved.' });
    expect(leave()).toBe(true);
  });
});

describe('ReportNarrative frozen with a board pack', () => {
  it('shows the narratives as they were frozen, read-only, and reads and saves nothing', async () => {
    const frozen: IBoardNarrative[] = [
      { ...emptyNarrative(BOARD), id: 7, summary: 'A steady quarter.', decisions: 'Agree the SALT funding.' },
      { ...emptyNarrative(BOARD, 4), id: 8, keyMessages: 'Waits fell by a third.', boardAsk: 'Agree funding for two posts.' },
      // Another board's narrative for the same priority is not this pack's.
      { ...emptyNarrative('2023-09-30', 4), id: 5, keyMessages: 'From the September board.' }
    ];
    const dataService = aDataService();
    await renderNarrative(dataService, [aPriority(3, '3', 'ND Pathways and Waiting Times'), SLCN], frozen);

    const narrative = screen.getByRole('region', { name: 'Narrative' });
    expect(within(narrative).getByText('A steady quarter.')).toBeInTheDocument();
    expect(within(narrative).getByText('Agree the SALT funding.')).toBeInTheDocument();
    expect(within(narrative).getByText('Waits fell by a third.')).toBeInTheDocument();
    expect(within(narrative).getByText('Asked of the board')).toBeInTheDocument();
    expect(within(narrative).queryByText('From the September board.')).toBeNull();
    // Priority 3 had nothing written when the pack was frozen.
    expect(within(narrative).getAllByText('Not written.')).toHaveLength(1);
    expect(within(narrative).queryAllByRole('textbox')).toEqual([]);
    expect(within(narrative).queryAllByRole('button')).toEqual([]);
    expect(within(narrative).queryByRole('status')).toBeNull();
    expect(dataService.loadNarratives).not.toHaveBeenCalled();
    expect(dataService.saveNarrative).not.toHaveBeenCalled();
  });
});
