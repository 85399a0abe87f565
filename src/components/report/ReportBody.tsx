import * as React from 'react';
import { IReportContent, figuresOfReport } from '../../model/boardPack';
import { Scorecard } from '../Scorecard';
import { ReportExceptions, ReportRevisions } from './ReportExceptions';
import { ChangeSincePrevious, StatusTable, StatusTrendTable } from './StatusParts';

export interface IReportBodyProps {
  content: IReportContent;
  /** Exceptions whose note as it stood is still being read. */
  reading?: ReadonlySet<number>;
  /** Exceptions whose note as it stood could not be read. */
  unread?: ReadonlySet<number>;
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The report's figures, as the live report and a frozen pack show them alike: statuses
 * by priority and for the whole plan, the change since the previous board in words, the
 * trend, the exceptions with their notes then, revised due dates, and the KPIs.
 */
export function ReportBody({ content, reading = NONE, unread = NONE }: IReportBodyProps): JSX.Element {
  const scheme = content.plan.statusScheme;
  const { now, before } = figuresOfReport(content);
  return (
    <>
      <StatusTable scheme={scheme} priorities={content.priorities} now={now} before={before} />
      <ChangeSincePrevious scheme={scheme} now={now} before={before} />
      <StatusTrendTable scheme={scheme} trend={content.trend} asAt={content.asAt} />
      <ReportExceptions found={content.exceptions} scheme={scheme} asAt={content.asAt} reading={reading} unread={unread} />
      <ReportRevisions actions={content.actions} asAt={content.asAt} />
      {content.kpis.length > 0 && <Scorecard snapshot={content} today={content.asAt} />}
    </>
  );
}
