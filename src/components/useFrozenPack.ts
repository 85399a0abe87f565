import * as React from 'react';
import { IBoardPack } from '../model/boardPack';
import { IsoDate } from '../model/isoDate';
import { IBoardPackService } from '../services/IBoardPackService';

/**
 * The pack frozen for a board, read once: what "changed since the board" counts from
 * when there is one. Undefined while reading, when none was frozen, or when it cannot be
 * read (the change is then counted from the actions' status history, as it is for a
 * board without a pack).
 */
export function useFrozenPack(service: IBoardPackService, planId: number, boardDate: IsoDate | undefined): IBoardPack | undefined {
  const [read, setRead] = React.useState<{ boardDate: IsoDate; pack: IBoardPack }>();
  React.useEffect(() => {
    if (boardDate === undefined) return undefined;
    let current = true;
    service.readPack(planId, boardDate).then(
      (pack) => current && pack !== undefined && setRead({ boardDate, pack }),
      () => undefined
    );
    return () => {
      current = false;
    };
  }, [service, planId, boardDate]);
  return read !== undefined && read.boardDate === boardDate ? read.pack : undefined;
}
