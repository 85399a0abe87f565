import { IBoardPack, IBoardPackEntry } from '../model/boardPack';
import { IsoDate } from '../model/isoDate';
import { IBoardPackService } from './IBoardPackService';

/**
 * The board pack service fetched the first time it is used: packs are read after the
 * summary's first render and written before a board, so neither its code nor the
 * PnPjs file modules it needs weigh on the first render.
 */
export class OnDemandBoardPackService implements IBoardPackService {
  private service: Promise<IBoardPackService> | undefined;

  /** @param load - fetches the real service (a dynamic import) */
  public constructor(private readonly load: () => Promise<IBoardPackService>) {}

  private get loaded(): Promise<IBoardPackService> {
    if (!this.service) {
      // A failed fetch (offline) is tried again next time rather than remembered.
      this.service = this.load().catch((error: unknown) => {
        this.service = undefined;
        throw error;
      });
    }
    return this.service;
  }

  public async listPacks(planId: number): Promise<IBoardPackEntry[]> {
    return (await this.loaded).listPacks(planId);
  }

  public async readPack(planId: number, boardDate: IsoDate): Promise<IBoardPack | undefined> {
    return (await this.loaded).readPack(planId, boardDate);
  }

  public async savePack(pack: IBoardPack, file: string): Promise<IBoardPackEntry> {
    return (await this.loaded).savePack(pack, file);
  }
}
