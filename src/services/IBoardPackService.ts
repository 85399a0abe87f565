import { IBoardPack, IBoardPackEntry } from '../model/boardPack';
import { IsoDate } from '../model/isoDate';

/**
 * Frozen board packs: each stored once, as one file in the site's board pack library,
 * and never written again by the product.
 */
export interface IBoardPackService {
  /** The plan's frozen packs, earliest board first. */
  listPacks(planId: number): Promise<IBoardPackEntry[]>;
  /**
   * The pack frozen for a board date, as stored; undefined when none was frozen.
   *
   * @throws PlanDataError of kind 'unreadable' when the stored file is not a pack this product wrote
   */
  readPack(planId: number, boardDate: IsoDate): Promise<IBoardPack | undefined>;
  /**
   * Stores a pack with its rendered copy. It never replaces one: a second freeze of the
   * same board (by anyone) is refused.
   *
   * @param file - the whole stored file (`writeBoardPackFile`)
   * @throws PlanDataError of kind 'alreadyExists' when a pack was frozen for the board first
   */
  savePack(pack: IBoardPack, file: string): Promise<IBoardPackEntry>;
}
