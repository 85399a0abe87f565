import { RAGC_SCHEME, WORDED_SCHEME } from '../../../src/model/statusSchemes';
import { Warnings, mapAction, mapKpi, mapMeasurement, mapPlan, mapRole, mapUpdate, mergeWarnings, readAssignee, readSharePointDate, writeSharePointDate } from '../../../src/services/mappers';

describe('SharePoint dates', () => {
  it('reads the site’s local midnight as that day, in winter and in British Summer Time', () => {
    expect(readSharePointDate('2023-01-15T00:00:00Z')).toBe('2023-01-15');
    expect(readSharePointDate('2023-04-29T23:00:00Z')).toBe('2023-04-30');
    expect(readSharePointDate(null)).toBeUndefined();
    expect(readSharePointDate('not a date')).toBeUndefined();
  });

  it('writes noon UTC (the same day in every zone from UTC-12 to UTC+11:59), and null to clear', () => {
    expect(writeSharePointDate('2023-04-30')).toBe('2023-04-30T12:00:00Z');
    expect(writeSharePointDate(undefined)).toBeNull();
  });
});

describe('readAssignee', () => {
  const roles = new Set(['head of service (send)']);
  it('prefers the person column', () => {
    expect(readAssignee({ id: 7, displayName: 'Kathryn Morgan' }, 'ND Workstream', roles)).toEqual({
      kind: 'person',
      person: { id: 7, displayName: 'Kathryn Morgan' }
    });
  });
  it('recognises glossary roles', () => {
    expect(readAssignee(undefined, 'Head of Service (SEND)', roles)).toEqual({ kind: 'role', role: 'Head of Service (SEND)' });
  });
  it('keeps names and placeholders as text, flagging placeholders', () => {
    expect(readAssignee(undefined, 'ND Workstream to confirm', roles)).toEqual({ kind: 'text', text: 'ND Workstream to confirm', pending: true });
    expect(readAssignee(undefined, 'TBC', roles)).toEqual({ kind: 'text', text: 'TBC', pending: true });
    expect(readAssignee(undefined, 'Alison Parkinson', roles)).toEqual({ kind: 'text', text: 'Alison Parkinson', pending: false });
    expect(readAssignee(undefined, '  ', roles)).toBeUndefined();
  });
});

describe('mapPlan', () => {
  const item = {
    Id: 4,
    Title: 'WSoA',
    LocalArea: 'Shropshire',
    Partners: 'Shropshire Council\r\nSTW CCG\n\n',
    InspectionDate: '2020-01-15T00:00:00Z',
    ReportingDates: '2021-03-01\nDec-20\nnot a date',
    KpiTolerance: 0.05
  };

  it('reads a preset scheme by id, lines, dates and the KPI tolerance', () => {
    const warnings: Warnings = [];
    const plan = mapPlan({ ...item, StatusSchemeJson: 'worded' }, warnings);
    expect(plan.statusScheme).toBe(WORDED_SCHEME);
    expect(plan.partners).toEqual(['Shropshire Council', 'STW CCG']);
    expect(plan.inspectionDate).toBe('2020-01-15');
    expect(plan.reportingDates).toEqual(['2020-12-31', '2021-03-01']);
    expect(plan.kpiThresholds).toEqual({ onTrackTolerance: 0.05 });
    expect(warnings).toEqual([]);
  });

  it('reads a custom scheme stored as JSON', () => {
    const custom = { ...RAGC_SCHEME, id: 'custom', name: 'Ours' };
    expect(mapPlan({ ...item, StatusSchemeJson: JSON.stringify(custom) }, []).statusScheme).toEqual(custom);
  });

  it('falls back to R/A/G/C with a warning when the scheme was mangled by hand', () => {
    const warnings: Warnings = [];
    expect(mapPlan({ ...item, StatusSchemeJson: '{"labels": oops' }, warnings).statusScheme).toBe(RAGC_SCHEME);
    expect(warnings).toEqual([{ code: 'scheme', item: { kind: 'plan', name: 'WSoA' } }]);
  });
});

describe('mapAction', () => {
  it('keeps the due date as written, with the Date column as a fallback', () => {
    const warnings: Warnings = [];
    const written = mapAction({ Id: 1, Title: '3.1.2', DueText: '?July 2023', DueDate: '2023-07-31T00:00:00Z' }, new Set(), warnings);
    expect(written.due).toMatchObject({ text: '?July 2023', kind: 'month', date: '2023-07-31', tentative: true });
    const dateOnly = mapAction({ Id: 2, Title: '3.1.3', DueDate: '2023-09-29T23:00:00Z' }, new Set(), warnings);
    expect(dateOnly.due).toEqual({ text: '2023-09-30', kind: 'date', date: '2023-09-30' });
    expect(mapAction({ Id: 3, Title: '3.1.4' }, new Set(), warnings).revisedDue).toBeUndefined();
  });

  it('reads lookups, people, tags, evidence and the ETag', () => {
    const action = mapAction(
      {
        Id: 9,
        Title: '3.6.4',
        'odata.etag': '"3"',
        PlanId: 1,
        PriorityId: 3,
        OutcomeId: 12,
        ResponsibleOfficer: { Id: 5, Title: 'Dale Coleman', EMail: 'dale@example.org' },
        ResponsibleOfficerText: 'Dale Coleman',
        Tags: 'AFI2; SEF,DBV',
        EvidenceJson: '[{"url":"https://example.org/minutes","description":"Board minutes"}]',
        ActionStatus: 'Amber'
      },
      new Set(),
      []
    );
    expect(action).toMatchObject({
      id: 9,
      ref: '3.6.4',
      etag: '"3"',
      planId: 1,
      priorityId: 3,
      outcomeId: 12,
      status: 'Amber',
      tags: ['AFI2', 'SEF', 'DBV'],
      evidence: [{ url: 'https://example.org/minutes', description: 'Board minutes' }],
      responsibleOfficer: { kind: 'person', person: { id: 5, displayName: 'Dale Coleman', email: 'dale@example.org' } }
    });
  });

  it('accepts plain links typed into the evidence column, and warns about anything else', () => {
    const warnings: Warnings = [];
    expect(mapAction({ Id: 1, Title: '1.1.1', EvidenceJson: 'see https://example.org/a and https://example.org/b' }, new Set(), warnings).evidence).toEqual([
      { url: 'https://example.org/a', description: 'https://example.org/a' },
      { url: 'https://example.org/b', description: 'https://example.org/b' }
    ]);
    expect(mapAction({ Id: 1, Title: '1.1.1', EvidenceJson: 'in the shared drive' }, new Set(), warnings).evidence).toEqual([]);
    expect(warnings).toEqual([{ code: 'evidence', item: { kind: 'action', name: '1.1.1' } }]);
  });
});

describe('mapUpdate', () => {
  it('reads the log entry with its author, and dates it by creation when no date was set', () => {
    const update = mapUpdate({ Id: 3, ActionId: 9, Created: '2023-05-02T09:30:00Z', ProgressNote: 'Panel met', StatusSet: 'Green', Author: { Title: 'Jo Cox' } }, []);
    expect(update).toEqual({
      id: 3,
      actionId: 9,
      date: '2023-05-02',
      recordedAt: '2023-05-02T09:30:00Z',
      author: 'Jo Cox',
      note: 'Panel met',
      status: 'Green',
      evidence: []
    });
  });
});

describe('mapKpi, mapMeasurement and mapRole', () => {
  it('reads a KPI with dated and month-count milestones, and warns about what it leaves out', () => {
    const warnings: Warnings = [];
    const kpi = mapKpi(
      {
        Id: 4,
        Title: 'EHCPs finalised within 20 weeks',
        PlanId: 1,
        PriorityId: 5,
        KpiRef: '5.1.5',
        Unit: '%',
        Direction: 'Higher',
        BaselineValue: 45,
        BaselineDate: '2023-02-28T00:00:00Z',
        ProgressNote: 'February figure provisional',
        ProgressNoteDate: '2024-03-11T23:00:00Z',
        Modified: '2024-03-12T08:15:00Z',
        MilestonesJson: JSON.stringify([
          { label: '3 Month', due: { monthsFromStart: 3 }, text: '55%', target: 55 },
          { label: 'Mar-24', due: { date: '2024-03-31' }, text: 'Quality standards agreed and published' },
          { label: 'broken', due: { when: 'soon' }, text: '?' }
        ])
      },
      [{ periodEnd: '2023-03-31', value: 51 }],
      warnings
    );
    expect(kpi).toMatchObject({ ref: '5.1.5', direction: 'higher', baselineValue: 45, baselineDate: '2023-02-28', priorityId: 5, measurements: [{ periodEnd: '2023-03-31', value: 51 }] });
    // The note's day as the site wrote it (local midnight in British Summer Time), and when the item was last saved.
    expect(kpi).toMatchObject({ progressNote: 'February figure provisional', progressNoteDate: '2024-03-12', modified: '2024-03-12T08:15:00Z' });
    expect(kpi.milestones).toEqual([
      { label: '3 Month', due: { monthsFromStart: 3 }, text: '55%', target: 55, met: undefined, metDate: undefined, metNote: undefined },
      { label: 'Mar-24', due: { date: '2024-03-31' }, text: 'Quality standards agreed and published', target: undefined, met: undefined, metDate: undefined, metNote: undefined }
    ]);
    expect(warnings).toEqual([{ code: 'milestonesUndated', item: { kind: 'kpi', name: '5.1.5' }, count: 1 }]);
  });

  it('assumes higher is better, with a warning, when the direction was edited into something else', () => {
    const warnings: Warnings = [];
    expect(mapKpi({ Id: 1, KpiRef: '1.1', Direction: 'up', MilestonesJson: 'not json' }, [], warnings).direction).toBe('higher');
    expect(warnings).toEqual([
      { code: 'direction', item: { kind: 'kpi', name: '1.1' } },
      { code: 'milestones', item: { kind: 'kpi', name: '1.1' } }
    ]);
  });

  it('leaves out a measurement without a value or period end, saying which', () => {
    const warnings: Warnings = [];
    expect(mapMeasurement({ Id: 9, KpiId: 4, PeriodEnd: '2023-04-30T23:00:00Z', MeasuredValue: 58, 'odata.etag': '"2"' }, warnings)).toEqual({
      kpiId: 4,
      measurement: { periodEnd: '2023-05-01', value: 58, note: undefined, id: 9, etag: '"2"' }
    });
    expect(mapMeasurement({ Id: 10, KpiId: 4, PeriodEnd: '2023-05-31T00:00:00Z', MeasuredValue: null }, warnings)).toBeUndefined();
    expect(warnings).toEqual([{ code: 'noValue', item: { kind: 'measurement', name: '10' } }]);
  });

  it('reads a role with its holder', () => {
    expect(mapRole({ Id: 2, Title: ' Commissioners ', PlanId: 1, Abbreviation: '', Holder: { Id: 12, Title: 'Millar Bownass', EMail: 'millar.bownass@send.example' }, Reviewed: '2024-02-29T00:00:00Z' })).toEqual({
      id: 2,
      planId: 1,
      title: 'Commissioners',
      abbreviation: undefined,
      holder: { id: 12, displayName: 'Millar Bownass', email: 'millar.bownass@send.example' },
      reviewed: '2024-02-29'
    });
  });
});

describe('load warnings', () => {
  it('names the action and the line of its status history and revisions that could not be read', () => {
    const warnings: Warnings = [];
    const action = mapAction({ Id: 1, Title: '2.1.1', StatusHistory: '2024-01-31\tGreen\tab12\nlast week\tRed', Revisions: '{"date": oops' }, new Set(), warnings);
    expect(action.history).toHaveLength(1);
    expect(warnings).toEqual([
      { code: 'historyLine', item: { kind: 'action', name: '2.1.1' }, line: 2, text: 'last week\tRed' },
      { code: 'revisionLine', item: { kind: 'action', name: '2.1.1' }, line: 1, text: '{"date": oops' }
    ]);
  });

  it('merges two loads’ warnings once each, by code and parameters however their keys were ordered', () => {
    const kept = [{ code: 'evidence', item: { kind: 'action', name: '1.1.1' } }, { code: 'milestonesUndated', item: { kind: 'kpi', name: '5.1' }, count: 1 }] as Warnings;
    const fresh = [{ item: { name: '1.1.1', kind: 'action' }, code: 'evidence' }, { code: 'milestonesUndated', item: { kind: 'kpi', name: '5.1' }, count: 2 }, { code: 'evidence', item: { kind: 'update', name: '1.1.1' } }] as Warnings;
    expect(mergeWarnings(kept, fresh)).toEqual([kept[0], kept[1], fresh[1], fresh[2]]);
  });
});
