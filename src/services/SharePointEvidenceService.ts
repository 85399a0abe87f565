import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/folders';
import '@pnp/sp/files';
import '@pnp/sp/items';
import { IFileInfo } from '@pnp/sp/files';
import { IFolder } from '@pnp/sp/folders';
import { UPLOAD_CHUNK_BYTES, evidenceFileProblem, evidenceFolderName, uniqueFileName } from '../model/evidence';
import { isDataError, requireEtag, toPlanDataError } from './errors';
import { EvidenceUploadError, IEvidenceService, IEvidenceTarget, IUploadedEvidence } from './IEvidenceService';
import { EVIDENCE_FIELDS, LIBRARY_TITLES } from './libraryDefinitions';
import { ListItem, readEtag } from './mappers';

/** Tries at a free name when others add files of the same name at the same moment. */
const NAME_ATTEMPTS = 3;

/** The plan's folder, read (or made) once per upload: where it is and the names in it. */
interface IPlanFolder {
  folder: IFolder;
  /** Decoded server-relative path ("/sites/send/SEND Evidence/plan-3"). */
  path: string;
  names: string[];
}

/**
 * Evidence files in the site's evidence library with PnPjs: the plan's folder (made when
 * first needed), each file added without Overwrite under a name free in the folder, in one
 * request up to 10 MB and in chunks above it, then its list item given the plan, action and
 * update under the item's ETag.
 */
export class SharePointEvidenceService implements IEvidenceService {
  /** @param sp - the host's single PnPjs instance */
  public constructor(private readonly sp: SPFI) {}

  public async uploadFiles(target: IEvidenceTarget, files: readonly File[]): Promise<IUploadedEvidence[]> {
    const uploaded: IUploadedEvidence[] = [];
    const stopAt = (file: File, error: unknown): EvidenceUploadError => new EvidenceUploadError(file.name, { kind: 'server', error: toPlanDataError(error) }, uploaded);
    // Limits the browser can see are checked before any request, so nothing is stored for a save that cannot go ahead.
    for (const file of files) {
      const problem = evidenceFileProblem(file);
      if (problem) throw new EvidenceUploadError(file.name, { kind: 'file', problem }, uploaded);
    }
    if (files.length === 0) return uploaded;
    let folder: IPlanFolder;
    let webUrl: string;
    try {
      // The web's own address makes each file's link absolute: under SPFx the request URLs are made absolute only as they are sent.
      folder = await this.planFolder(target.planId);
      webUrl = (await this.sp.web.select('Url')<{ Url: string }>()).Url;
    } catch (error) {
      throw stopAt(files[0], error);
    }
    for (const file of files) {
      const problem = evidenceFileProblem({ name: uniqueFileName(file.name, folder.names), size: file.size }, folder.path);
      if (problem) throw new EvidenceUploadError(file.name, { kind: 'file', problem }, uploaded);
    }
    for (const file of files) {
      try {
        const added = await this.addFile(folder, file);
        await this.describe(added, target);
        uploaded.push({ fileName: file.name, storedName: added.Name, url: new URL(added.ServerRelativeUrl, webUrl).href });
      } catch (error) {
        throw stopAt(file, error);
      }
    }
    return uploaded;
  }

  /** The plan's folder and the names in it; made when the plan has none yet. */
  private async planFolder(planId: number): Promise<IPlanFolder> {
    const root = this.sp.web.lists.getByTitle(LIBRARY_TITLES.evidence).rootFolder;
    const name = evidenceFolderName(planId);
    const folder = root.folders.getByUrl(name);
    // A missing folder answers 404, or Exists false when only that is read (sp-dev-docs#7437).
    const found = (await folder
      .select('Exists', 'ServerRelativeUrl')()
      .catch((error: unknown) => {
        if (isDataError(error, 'notFound')) return undefined;
        throw error;
      })) as { Exists?: boolean; ServerRelativeUrl?: string } | undefined;
    if (found?.Exists && found.ServerRelativeUrl) {
      const files = (await folder.files.select('Name')()) as Array<{ Name: string }>;
      return { folder, path: found.ServerRelativeUrl, names: files.map((file) => file.Name) };
    }
    let made: { ServerRelativeUrl: string };
    try {
      made = (await root.folders.addUsingPath(name)) as unknown as { ServerRelativeUrl: string };
    } catch (error) {
      // Another upload made it first: it is there, and empty but for what that upload adds now.
      if (!isDataError(error, 'alreadyExists')) throw error;
      return this.planFolder(planId);
    }
    return { folder, path: made.ServerRelativeUrl, names: [] };
  }

  /** Adds the file under a name free in the folder, taking the next where someone else took one first. */
  private async addFile(folder: IPlanFolder, file: File): Promise<IFileInfo> {
    for (let attempt = 1; ; attempt++) {
      const name = uniqueFileName(file.name, folder.names);
      try {
        const added = file.size > UPLOAD_CHUNK_BYTES ? await this.addInChunks(folder.folder, name, file) : await folder.folder.files.addUsingPath(name, file, { Overwrite: false });
        folder.names.push(added.Name);
        return added;
      } catch (error) {
        if (!isDataError(error, 'alreadyExists') || attempt === NAME_ATTEMPTS) throw error;
        folder.names.push(name);
      }
    }
  }

  /**
   * What PnPjs's addChunked does (an empty file added, then its content sent in chunks), except
   * that a chunk that fails deletes the empty file: addChunked deletes it only when cancelled.
   */
  private async addInChunks(folder: IFolder, name: string, file: File): Promise<IFileInfo> {
    const stub = await folder.files.addUsingPath(name, '', { Overwrite: false });
    const stored = this.sp.web.getFileByServerRelativePath(stub.ServerRelativeUrl);
    try {
      return await stored.setContentChunked(file, { chunkSize: UPLOAD_CHUNK_BYTES });
    } catch (error) {
      // The chunk's failure is what the person is told; an empty file left behind would only be noise in the folder.
      await stored.delete().catch(() => undefined);
      throw error;
    }
  }

  /** Gives the file's list item its plan, action, update and title, under the item's ETag. */
  private async describe(file: IFileInfo, target: IEvidenceTarget): Promise<void> {
    const item = await this.sp.web.getFileByServerRelativePath(file.ServerRelativeUrl).getItem<ListItem>('Id');
    await item.update(
      {
        [EVIDENCE_FIELDS.planId]: target.planId,
        [EVIDENCE_FIELDS.actionId]: target.actionId,
        [EVIDENCE_FIELDS.updateKey]: target.updateKey,
        [EVIDENCE_FIELDS.title]: file.Name
      },
      requireEtag(readEtag(item), `The file ${file.Name}`)
    );
  }
}
