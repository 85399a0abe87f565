import * as React from 'react';
import { ActionButton, Text, mergeStyleSets } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPlan } from '../model/plan';
import { formatDate } from './format';
import { useNarrow } from './narrow';
import { useCulture } from './culture';

const styles = mergeStyleSets({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: 12,
    rowGap: 4,
    margin: '8px 0 16px',
    selectors: { dt: { fontWeight: 600 }, dd: { margin: 0, overflowWrap: 'anywhere' } }
  }
});

/** The plan's front-page facts: area, partners, inspection and publication dates; folded behind a button on a narrow screen. */
export function PlanHeader({ plan }: { plan: IPlan }): JSX.Element {
  const culture = useCulture();
  const narrow = useNarrow();
  const [expanded, setExpanded] = React.useState(false);
  return (
    <header>
      <Text as="h2" variant="xLarge" block>
        {plan.title}
      </Text>
      {narrow && (
        <ActionButton iconProps={{ iconName: expanded ? 'ChevronDown' : 'ChevronRight' }} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {strings.PlanDetailsToggle}
        </ActionButton>
      )}
      {(!narrow || expanded) && (
        <dl className={styles.facts}>
          <dt>{strings.LocalArea}</dt>
          <dd>{plan.localArea || strings.NotRecorded}</dd>
          <dt>{strings.Partners}</dt>
          <dd>{plan.partners.length > 0 ? plan.partners.join(', ') : strings.NotRecorded}</dd>
          <dt>{strings.InspectionDate}</dt>
          <dd>{formatDate(plan.inspectionDate, strings.NotRecorded, culture)}</dd>
          <dt>{strings.PublicationDate}</dt>
          <dd>{formatDate(plan.publicationDate, strings.NotRecorded, culture)}</dd>
        </dl>
      )}
    </header>
  );
}
