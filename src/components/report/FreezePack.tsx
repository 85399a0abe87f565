import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../../model/isoDate';
import { formatDate, formatString } from '../format';
import { useCulture } from '../culture';
import { useFocusRing } from '../themes';

export interface IFreezePackProps {
  /** The board date the report stands at. */
  asAt: IsoDate;
  /** False while the notes as they stood are still being read (or could not be). */
  ready: boolean;
  onFreeze: () => void;
}

/** The plan officer's button to freeze the pack for the board, asked to confirm: a frozen pack can never change. */
export function FreezePack({ asAt, ready, onFreeze }: IFreezePackProps): JSX.Element {
  const culture = useCulture();
  const focusRing = useFocusRing();
  const [confirming, setConfirming] = React.useState(false);
  const board = formatDate(asAt, asAt, culture);
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Stack.Item>
        <DefaultButton iconProps={{ iconName: 'Lock' }} disabled={!ready} onClick={() => setConfirming(true)}>
          {formatString(strings.ReportFreeze, board)}
        </DefaultButton>
      </Stack.Item>
      {!ready && <Text variant="small">{strings.ReportFreezeNotReady}</Text>}
      <Dialog
        hidden={!confirming}
        onDismiss={() => setConfirming(false)}
        dialogContentProps={{ type: DialogType.normal, title: formatString(strings.ReportFreezeTitle, board), subText: formatString(strings.ReportFreezeText, board) }}
        // The dialog renders outside the web part's element: it takes the focus ring again here.
        modalProps={{ isBlocking: true, className: focusRing }}
      >
        <DialogFooter>
          <PrimaryButton
            onClick={() => {
              setConfirming(false);
              onFreeze();
            }}
          >
            {strings.ReportFreezeConfirm}
          </PrimaryButton>
          <DefaultButton onClick={() => setConfirming(false)}>{strings.Cancel}</DefaultButton>
        </DialogFooter>
      </Dialog>
    </Stack>
  );
}
