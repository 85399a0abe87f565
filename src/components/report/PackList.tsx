import * as React from 'react';
import { Link, MessageBar, MessageBarType, Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IBoardPack, IBoardPackEntry } from '../../model/boardPack';
import { IsoDate } from '../../model/isoDate';
import { formatDate, formatString } from '../format';
import { useCulture } from '../culture';

/** "1 April 2024" from a stored time: the day it was frozen. */
function frozenDay(at: string, culture: string): string {
  return formatDate(at.slice(0, 10), at, culture);
}

function fileName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

export interface IPackListProps {
  /** Undefined while listing. */
  entries?: readonly IBoardPackEntry[];
  failure?: string;
  onOpen: (boardDate: IsoDate) => void;
}

/** The plan's frozen packs, each opening the report at its board as the board saw it, with its stored copy to download. */
export function PackList({ entries, failure, onOpen }: IPackListProps): JSX.Element {
  const culture = useCulture();
  const [headingId] = React.useState(() => getId('packs'));
  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 4 }}>
      <Text as="h2" id={headingId} variant="mediumPlus" styles={{ root: { fontWeight: 600 } }}>
        {strings.ReportPacksHeading}
      </Text>
      {failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.ReportPacksFailed, failure)}</MessageBar>}
      {entries?.length === 0 && <Text>{strings.ReportPacksNone}</Text>}
      {entries !== undefined && entries.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {entries.map((entry) => {
            const board = formatDate(entry.boardDate, entry.boardDate, culture);
            return (
              <li key={entry.boardDate}>
                <Link onClick={() => onOpen(entry.boardDate)} aria-label={formatString(strings.ReportPackOpen, board)}>
                  {board}
                </Link>{' '}
                {formatString(strings.ReportPackFrozenOn, frozenDay(entry.frozenAt, culture))}{' '}
                <Link href={entry.url} download={fileName(entry.url)} aria-label={formatString(strings.ReportPackDownload, board)}>
                  {strings.ReportPackDownloadShort}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}

export interface IFrozenPackNoticeProps {
  entry: IBoardPackEntry;
  /** Undefined while it is read. */
  pack?: IBoardPack;
  failure?: string;
}

/** Says the report is a frozen pack (and whether its stored copy has been saved over since), or why it could not be read. */
export function FrozenPackNotice({ entry, pack, failure }: IFrozenPackNoticeProps): JSX.Element {
  const culture = useCulture();
  const board = formatDate(entry.boardDate, entry.boardDate, culture);
  if (failure !== undefined) {
    return <MessageBar messageBarType={MessageBarType.error}>{formatString(strings.ReportPackFailed, board, failure)}</MessageBar>;
  }
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {pack && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          {formatString(strings.ReportFrozenNotice, board, frozenDay(pack.frozenAt, culture), pack.frozenBy)}{' '}
          <Link href={entry.url} download={fileName(entry.url)}>
            {formatString(strings.ReportPackDownload, board)}
          </Link>
        </MessageBar>
      )}
      {entry.changedAfterFreezing && <MessageBar messageBarType={MessageBarType.severeWarning}>{strings.ReportFrozenChanged}</MessageBar>}
    </Stack>
  );
}
