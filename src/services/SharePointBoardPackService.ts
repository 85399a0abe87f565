import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/folders';
import '@pnp/sp/files';
import '@pnp/sp/items';
import { IFiles } from '@pnp/sp/files';
import { BoardPackFileError, readBoardPackFile } from '../formats/boardPackFile';
import { IBoardPack, IBoardPackEntry } from '../model/boardPack';
import { IsoDate } from '../model/isoDate';
import { PlanDataError, isDataError, requireEtag } from './errors';
import { IBoardPackService } from './IBoardPackService';
import { LIBRARY_TITLES } from './libraryDefinitions';
import { ListItem, readEtag, readFrozenBoards } from './mappers';
import { LIST_TITLES, PLAN_FIELDS } from './schema';

/** What a pack's listing reads of each file. */
const FILE_COLUMNS = ['Name', 'ServerRelativeUrl', 'TimeCreated', 'TimeLastModified', 'UIVersionLabel'];

interface IFileInfo {
  Name: string;
  ServerRelativeUrl: string;
  TimeCreated: string;
  TimeLastModified: string;
  UIVersionLabel: string;
}

/** Tries at recording a frozen board on the plan item while others save the plan at the same moment. */
const RECORD_ATTEMPTS = 3;

/** A stored copy saved again more than this long after it was added has been changed since. */
const SAVED_AGAIN_MS = 60 * 1000;

/** `plan-3-board-2024-03-31.html`: one name per plan and board, so a second freeze finds the first. */
export function packFileName(planId: number, boardDate: IsoDate): string {
  return `plan-${planId}-board-${boardDate}.html`;
}

const FILE_NAME = /^plan-(\d+)-board-(\d{4}-\d{2}-\d{2})\.html$/i;

function toEntry(file: IFileInfo): IBoardPackEntry {
  const savedAgain = Date.parse(file.TimeLastModified) - Date.parse(file.TimeCreated) > SAVED_AGAIN_MS;
  return {
    boardDate: (FILE_NAME.exec(file.Name) as RegExpExecArray)[2],
    frozenAt: file.TimeCreated,
    url: file.ServerRelativeUrl,
    // The library keeps versions: a copy saved over is at 2.0 or later.
    changedAfterFreezing: file.UIVersionLabel !== '1.0' || savedAgain
  };
}

/**
 * Board packs in the site's board pack library with PnPjs. Each pack is one file added
 * without Overwrite, so SharePoint itself refuses a second pack for a board; the library
 * keeps versions, so a copy saved over by hand keeps its first version and is flagged.
 * The plan item lists the frozen boards (FrozenBoards), so a page reads a pack only where
 * one was frozen: a summary with none makes no request for it.
 */
export class SharePointBoardPackService implements IBoardPackService {
  /** @param sp - the host's single PnPjs instance */
  public constructor(private readonly sp: SPFI) {}

  private get files(): IFiles {
    return this.sp.web.lists.getByTitle(LIBRARY_TITLES.boardPacks).rootFolder.files;
  }

  public async listPacks(planId: number): Promise<IBoardPackEntry[]> {
    const files = (await this.files.select(...FILE_COLUMNS)()) as unknown as IFileInfo[];
    return files
      .filter((file) => Number(FILE_NAME.exec(file.Name)?.[1]) === planId)
      .map(toEntry)
      .sort((a, b) => a.boardDate.localeCompare(b.boardDate));
  }

  public async readPack(planId: number, boardDate: IsoDate): Promise<IBoardPack | undefined> {
    let text: string;
    try {
      text = await this.files.getByUrl(packFileName(planId, boardDate)).getText();
    } catch (error) {
      if (isDataError(error, 'notFound')) return undefined;
      throw error;
    }
    try {
      return readBoardPackFile(text);
    } catch (error) {
      if (error instanceof BoardPackFileError) throw new PlanDataError('unreadable', `${packFileName(planId, boardDate)}: ${error.reason}`);
      throw error;
    }
  }

  public async savePack(pack: IBoardPack, file: string): Promise<IBoardPackEntry> {
    // The board is listed first: if the file then fails, a reader finds no pack and counts from the log, as before.
    await this.recordFrozenBoard(pack.plan.id, pack.asAt);
    const added = (await this.files.addUsingPath(packFileName(pack.plan.id, pack.asAt), file, { Overwrite: false })) as unknown as IFileInfo;
    return toEntry(added);
  }

  /** Adds the board to the plan item's FrozenBoards, with the item's ETag; another save in between is read again and retried. */
  private async recordFrozenBoard(planId: number, boardDate: IsoDate): Promise<void> {
    const plan = this.sp.web.lists.getByTitle(LIST_TITLES.plans).items.getById(planId);
    for (let attempt = 1; ; attempt++) {
      const item = (await plan.select('Id', PLAN_FIELDS.frozenBoards)()) as ListItem;
      const boards = readFrozenBoards(item);
      if (boards.includes(boardDate)) return;
      try {
        await plan.update({ [PLAN_FIELDS.frozenBoards]: [...boards, boardDate].sort().join('\n') }, requireEtag(readEtag(item), `The plan ${planId}`));
        return;
      } catch (error) {
        if (!isDataError(error, 'conflict') || attempt === RECORD_ATTEMPTS) throw error;
      }
    }
  }
}
