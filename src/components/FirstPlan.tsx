import * as React from 'react';
import { PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPlanUpkeepService } from '../services/IPlanUpkeepService';
import { IProvisioningService } from '../services/IProvisioningService';
import { NewPlanForm } from './PlanUpkeepForm';

export interface IFirstPlanProps {
  provisioning: IProvisioningService;
  upkeepService: IPlanUpkeepService;
  /** The plan was created: the page shows it. */
  onPlanCreated: (planId: number) => void;
}

/**
 * A page with no plan yet, seen by someone who may set up the site (Edit or Full Control):
 * they create an empty plan here, the plan lists set up first where they are missing.
 * Anyone else sees nothing more than the page's own message.
 */
export function FirstPlan({ provisioning, upkeepService, onPlanCreated }: IFirstPlanProps): JSX.Element {
  const [mayCreate, setMayCreate] = React.useState(false);
  const [creating, setCreating] = React.useState(false);

  React.useEffect(() => {
    let current = true;
    // A failed check offers nothing: the page's message already says what to do.
    provisioning.canProvision().then(
      (allowed) => current && setMayCreate(allowed),
      () => undefined
    );
    return () => {
      current = false;
    };
  }, [provisioning]);

  if (!mayCreate) return <></>;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text>{strings.FirstPlanHint}</Text>
      {creating ? (
        <NewPlanForm
          upkeepService={upkeepService}
          before={async () => {
            await provisioning.ensureLists();
          }}
          onCreated={(planId) => onPlanCreated(planId)}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <Stack.Item>
          <PrimaryButton onClick={() => setCreating(true)}>{strings.FirstPlanCreate}</PrimaryButton>
        </Stack.Item>
      )}
    </Stack>
  );
}
