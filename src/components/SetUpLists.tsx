import * as React from 'react';
import { MessageBar, MessageBarType, PrimaryButton, Spinner, Stack } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IProvisioningService } from '../services/IProvisioningService';
import { describeProvisioning, describeProvisioningFailure } from './provisioningText';

export interface ISetUpListsProps {
  provisioning: IProvisioningService;
  /** Called once the lists exist, to load the plan again. */
  onDone: () => void;
}

type SetUpState = { kind: 'ready' } | { kind: 'running' } | { kind: 'failed'; message: string } | { kind: 'done'; message: string };

/** The empty state when the plan lists do not exist: says so, and lets a site owner create them. */
export function SetUpLists({ provisioning, onDone }: ISetUpListsProps): JSX.Element {
  const [state, setState] = React.useState<SetUpState>({ kind: 'ready' });
  const run = async (): Promise<void> => {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', message: describeProvisioning(await provisioning.ensureLists()) });
    } catch (error) {
      setState({ kind: 'failed', message: describeProvisioningFailure(error) });
    }
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <MessageBar messageBarType={MessageBarType.info}>{strings.ErrorNotSetUp}</MessageBar>
      {state.kind === 'running' ? (
        <Spinner label={strings.SetUpListsRunning} />
      ) : state.kind === 'done' ? (
        <MessageBar messageBarType={MessageBarType.success} actions={<PrimaryButton onClick={onDone}>{strings.TryAgain}</PrimaryButton>}>
          {state.message}
        </MessageBar>
      ) : (
        <Stack.Item>
          <PrimaryButton onClick={run}>{strings.SetUpLists}</PrimaryButton>
        </Stack.Item>
      )}
      {state.kind === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{state.message}</MessageBar>}
    </Stack>
  );
}
