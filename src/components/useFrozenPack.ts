import * as React from 'react';
import { IBoardPack } from '../model/boardPack';
import { IsoDate } from '../model/isoDate';
import { IPlan } from '../model/plan';
import { IBoardPackService } from '../services/IBoardPackService';

/**
 * The pack frozen for a board, read once when the plan lists the board as frozen: what
 * "changed since the board" counts from. Undefined while reading, when none was frozen,
 * or when it cannot be read (the change is then counted from the actions' status
 * history, as it is for a board without a pack).
 */
export function useFrozenPack(service: IBoardPackService, plan: Pick<IPlan, 'id' | 'frozenBoards'>, boardDate: IsoDate | undefined): IBoardPack | undefined {
  const [read, setRead] = React.useState<{ boardDate: IsoDate; pack: IBoardPack }>();
  const planId = plan.id;
  // The plan lists its frozen boards: no request for a board without a pack.
  const frozen = boardDate !== undefined && (plan.frozenBoards ?? []).includes(boardDate);
  React.useEffect(() => {
    if (boardDate === undefined || !frozen) return undefined;
    let current = true;
    service.readPack(planId, boardDate).then(
      (pack) => current && pack !== undefined && setRead({ boardDate, pack }),
      () => undefined
    );
    return () => {
      current = false;
    };
  }, [service, planId, boardDate, frozen]);
  return read !== undefined && read.boardDate === boardDate ? read.pack : undefined;
}
