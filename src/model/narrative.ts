/**
 * The narrative a board reads first, written for one board date: per priority area the
 * lead's key messages, escalations (with what is asked of the board) and risks; for the
 * whole plan the plan officer's overall summary and decisions needed.
 */
import { IsoDate } from './isoDate';

export interface IBoardNarrative {
  /** 0 until first saved. */
  id: number;
  /** Guards a change against someone else's save since this was read. */
  etag?: string;
  boardDate: IsoDate;
  /** The priority area it speaks for; undefined for the whole plan. */
  priorityId?: number;
  keyMessages: string;
  escalations: string;
  /** What the escalations ask of the board. */
  boardAsk: string;
  risks: string;
  summary: string;
  decisions: string;
}

/** The narrative's text fields, which a person writes. */
export type NarrativeText = Pick<IBoardNarrative, 'keyMessages' | 'escalations' | 'boardAsk' | 'risks' | 'summary' | 'decisions'>;

/** A narrative not yet written, for a board date and a priority area (or the whole plan). */
export function emptyNarrative(boardDate: IsoDate, priorityId?: number): IBoardNarrative {
  return { id: 0, boardDate, priorityId, keyMessages: '', escalations: '', boardAsk: '', risks: '', summary: '', decisions: '' };
}

/**
 * The narrative for a board date and a priority area (undefined: the whole plan), or an
 * empty one to write. When the list holds more than one (two people added one at once),
 * the first saved is taken, so every reader sees the same.
 */
export function narrativeFor(narratives: readonly IBoardNarrative[], boardDate: IsoDate, priorityId?: number): IBoardNarrative {
  const matching = narratives.filter((narrative) => narrative.boardDate === boardDate && narrative.priorityId === priorityId && narrative.id !== 0);
  return matching.sort((a, b) => a.id - b.id)[0] ?? emptyNarrative(boardDate, priorityId);
}

