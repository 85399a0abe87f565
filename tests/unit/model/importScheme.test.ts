import { analyseSheet } from '../../../src/model/import/mapping';
import { proposePlan } from '../../../src/model/import/newPlan';
import { inferScheme, meaningOfWording } from '../../../src/model/import/schemeInference';
import { BRAGG_SCHEME, RAGC_SCHEME, WORDED_SCHEME } from '../../../src/model/statusSchemes';

describe('inferScheme', () => {
  it('keeps the plan’s own scheme when importing into a plan, listing what it does not know', () => {
    const proposal = inferScheme(['Green', 'G', 'Amber', 'G/A'], RAGC_SCHEME);
    expect(proposal.source).toBe('plan');
    expect(proposal.scheme).toBe(RAGC_SCHEME);
    expect(proposal.labels.find((label) => label.label === 'Green')?.found).toBe(2);
    expect(proposal.unmatched).toEqual([{ value: 'G/A', found: 1 }]);
  });

  it('picks the preset that fits the letters and colours written, leaving "G/A" unmatched rather than guessed', () => {
    expect(inferScheme(['B', 'R', 'A', 'G', 'Grey', 'Blue']).scheme).toBe(BRAGG_SCHEME);
    expect(inferScheme(['R', 'A', 'G', 'C', 'Complete']).scheme).toBe(RAGC_SCHEME);
    const withOdd = inferScheme(['Red', 'Amber', 'Green', 'Complete', 'G/A']);
    expect(withOdd.scheme).toBe(RAGC_SCHEME);
    expect(withOdd.unmatched).toEqual([{ value: 'G/A', found: 1 }]);
    expect(inferScheme(['On track no concerns', 'Off track', 'Not due yet']).scheme).toBe(WORDED_SCHEME);
  });

  it('builds a custom scheme from words, each label given its meaning by its wording, in the canonical order', () => {
    const proposal = inferScheme(['On track', 'Off track', 'Completed', 'Not yet due', 'Delayed', 'on track', 'G/A', 'Some concerns']);
    expect(proposal.source).toBe('custom');
    expect(proposal.labels).toEqual([
      { label: 'Not yet due', meaning: 'notStarted', found: 1 },
      { label: 'On track', meaning: 'onTrack', found: 2 },
      { label: 'Some concerns', meaning: 'atRisk', found: 1 },
      { label: 'Off track', meaning: 'offTrack', found: 1 },
      { label: 'Delayed', meaning: 'offTrack', found: 1 },
      { label: 'Completed', meaning: 'complete', found: 1 }
    ]);
    expect(proposal.unmatched).toEqual([{ value: 'G/A', found: 1 }]);
    expect(proposal.scheme.labels.map((label) => label.key)).toEqual(['Not yet due', 'On track', 'Some concerns', 'Off track', 'Delayed', 'Completed']);
  });

  it('reads meanings from wording, most specific first', () => {
    expect(meaningOfWording('On track some concerns')).toBe('atRisk');
    expect(meaningOfWording('Completed embedded sustained')).toBe('embedded');
    expect(meaningOfWording('Not started')).toBe('notStarted');
    expect(meaningOfWording('G/A')).toBeUndefined();
  });

  it('falls back to the commonest key when no status has a meaning, listing every value', () => {
    const proposal = inferScheme(['x', 'y']);
    expect(proposal.scheme).toBe(RAGC_SCHEME);
    expect(proposal.unmatched.map((entry) => entry.value)).toEqual(['x', 'y']);
  });
});

describe('proposePlan', () => {
  it('names a new plan and its area from the title above the table, and its board dates from dated status columns', () => {
    const rows = [
      ['Northmoor Local Area SEND Written Statement of Action 2024-2026', '', '', ''],
      ['RAG key: R delayed, A at risk, G on track', '', '', ''],
      ['Ref', 'Action', 'Status Jun 23', 'Status Dec 23'],
      ['1.1.1', 'Do it', 'A', 'G']
    ];
    const analysis = analyseSheet(rows);
    if (!analysis) throw new Error('no header');
    const proposal = proposePlan('northmoor.xlsx', rows, analysis);
    expect(proposal).toMatchObject({ name: 'Northmoor Local Area SEND Written Statement of Action 2024-2026', localArea: 'Northmoor', reportingDates: ['2023-06-30', '2023-12-31'] });
    expect(proposal.scheme.scheme).toBe(RAGC_SCHEME);
  });

  it('uses the file’s name when nothing is above the table', () => {
    const rows = [['Ref', 'Action'], ['1', 'x']];
    const analysis = analyseSheet(rows);
    if (!analysis) throw new Error('no header');
    expect(proposePlan('eastwick_send-plan.csv', rows, analysis).name).toBe('eastwick send plan');
  });
});
