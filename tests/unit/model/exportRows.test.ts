import { exportRows } from '../../../src/model/import/exportRows';
import { parsePlanDate } from '../../../src/model/planDates';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction } from '../../support/builders';
import { aPriority } from '../../support/fixtures';

const OUTCOME = { id: 7, planId: 1, priorityId: 3, number: '3.1', title: 'Families know the pathway' };

describe('exportRows', () => {
  const action = anAction({
    ref: '3.1.2',
    priorityId: 3,
    outcomeId: 7,
    theme: 'Referrals',
    text: 'Publish the ND pathway',
    strategicLead: { kind: 'role', role: 'Head of SEND' },
    responsibleOfficer: { kind: 'text', text: 'Alison Parkinson', pending: false },
    deliveryPartners: ['Parent Carer Forum', 'ICB'],
    resources: '£20k from DBV',
    start: parsePlanDate('Apr-23'),
    dueText: 'Sept 2023',
    revisedDue: parsePlanDate('Dec 2023'),
    revisedDueReason: 'Waiting for ICB sign-off',
    status: 'Amber',
    desiredImpact: 'Waits <18 weeks',
    howWeWillKnow: 'Parent survey',
    tags: ['AFI2', 'SEF'],
    evidence: [
      { url: 'https://example.org/minutes', description: 'Board minutes' },
      { url: 'https://example.org/report', description: 'https://example.org/report' }
    ],
    latestNote: 'Draft shared with parents.',
    latestUpdateDate: '2023-11-14',
    history: [
      { id: 0, actionId: 1, date: '2023-06-30', status: 'Red' },
      { id: 1, actionId: 1, date: '2023-10-02', status: 'Amber' }
    ]
  });

  it('writes every field the import reads, with a status column per reporting date the history reaches', () => {
    const rows = exportRows([action, anAction({ id: 2, ref: '3.1.3', priorityId: 3 })], [aPriority(3, '3', 'ND pathway')], [OUTCOME], RAGC_SCHEME, ['2023-12-31', '2023-06-30', '2023-09-15', '2024-03-31']);
    expect(rows[0]).toEqual([
      'Ref',
      'Priority',
      'Outcome',
      'Theme',
      'Action',
      'Strategic Lead',
      'Responsible Officer',
      'Delivery Partners',
      'Resources',
      'Start Date',
      'By When',
      'Revised Due',
      'Revised Due Reason',
      'RAG',
      'RAG Jun-23',
      'RAG 15/09/2023',
      'Desired Impact',
      'How will we know',
      'Tags',
      'Evidence',
      'Progress Update'
    ]);
    expect(rows[1]).toEqual([
      '3.1.2',
      '3. ND pathway',
      '3.1 Families know the pathway',
      'Referrals',
      'Publish the ND pathway',
      'Head of SEND',
      'Alison Parkinson',
      'Parent Carer Forum\nICB',
      '£20k from DBV',
      'Apr-23',
      'Sept 2023',
      'Dec 2023',
      'Waiting for ICB sign-off',
      'Amber',
      'Red',
      'Red',
      'Waits <18 weeks',
      'Parent survey',
      'AFI2, SEF',
      'Board minutes (https://example.org/minutes)\nhttps://example.org/report',
      '14/11/2023: Draft shared with parents.'
    ]);
    expect(rows[2]).toHaveLength(rows[0].length);
    expect(rows[2].slice(13, 16)).toEqual(['', '', '']);
  });

  it('has no status history columns without reporting dates or history', () => {
    expect(exportRows([action], [], [], RAGC_SCHEME)[0]).not.toContain('RAG Jun-23');
    expect(exportRows([anAction()], [], [], RAGC_SCHEME, ['2023-06-30'])[0]).toHaveLength(19);
  });
});
