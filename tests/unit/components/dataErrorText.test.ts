/**
 * How data errors and "Set up lists" reports become text: codes from the services,
 * sentences from the web part's strings.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { errorMessage } from '../../../src/components/format';
import { describeProvisioning, provisioningProblemText } from '../../../src/components/provisioningText';
import { PlanDataError } from '../../../src/services/errors';

describe('errorMessage', () => {
  it('says how long SharePoint asked to wait when it throttled with Retry-After', () => {
    expect(errorMessage(new PlanDataError('throttled', '429', 429, 120))).toBe('SharePoint is busy. Wait 120 seconds and try again.');
  });

  it('says "a minute" when SharePoint gave no Retry-After, or none worth saying', () => {
    expect(errorMessage(new PlanDataError('throttled', '503', 503))).toBe(strings.ErrorThrottled);
    expect(errorMessage(new PlanDataError('throttled', '503', 503, 0))).toBe(strings.ErrorThrottled);
  });

  it('shows the kind\'s sentence, never what SharePoint said', () => {
    expect(errorMessage(new PlanDataError('forbidden', '-2147024891, System.UnauthorizedAccessException: Access denied.', 403))).toBe(strings.ErrorForbidden);
  });
});

describe('describeProvisioning', () => {
  it('renders each problem from its code, after the summary', () => {
    const problem = { code: 'columnWrongType', list: 'SEND Plans', column: 'KpiTolerance', expectedType: 'Number' } as const;
    expect(provisioningProblemText(problem)).toBe('SEND Plans: the column KpiTolerance is not of type Number; it was left as it is.');
    expect(describeProvisioning({ createdLists: [], addedColumns: [], updatedColumns: [], addedViews: [], problems: [problem] })).toBe(
      `${strings.SetUpListsNothingToDo} Left as they are, for you to check: SEND Plans: the column KpiTolerance is not of type Number; it was left as it is.`
    );
  });
});
