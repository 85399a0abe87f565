import { EvidenceFileProblem } from '../model/evidence';
import { PlanDataError } from './errors';

/** What an upload is for: the plan (its folder), the action and the update the files come with. */
export interface IEvidenceTarget {
  planId: number;
  actionId: number;
  /** The update's key, as its log entry will carry it. */
  updateKey: string;
}

/** A file stored as evidence. */
export interface IUploadedEvidence {
  /** The name it was chosen by. */
  fileName: string;
  /** The name it is stored under: the same, or "name (2).ext" where the folder had one of that name. */
  storedName: string;
  /** Its absolute address, which opens it. */
  url: string;
}

/**
 * An upload stopped at one file: why, which file, and the files stored before it (kept; a
 * second try sends only the rest).
 */
export class EvidenceUploadError extends Error {
  public constructor(
    /** The name of the file that was not stored. */
    public readonly fileName: string,
    /** A limit of the product's or a name SharePoint refuses, found before anything was sent; or what SharePoint answered. */
    public readonly reason: { kind: 'file'; problem: EvidenceFileProblem } | { kind: 'server'; error: PlanDataError },
    public readonly uploaded: IUploadedEvidence[]
  ) {
    super(`${fileName}: ${reason.kind === 'file' ? reason.problem.code : reason.error.message}`);
    this.name = 'EvidenceUploadError';
  }
}

/** Evidence files in the site's evidence library, one folder per plan (made when first needed). */
export interface IEvidenceService {
  /**
   * Stores files, in order, in the plan's folder, each with its plan, action and update; a
   * name already there keeps both files (" (2)"). Every file is checked against the limits
   * before the first is sent.
   *
   * @throws EvidenceUploadError naming the first file that was refused or failed
   */
  uploadFiles(target: IEvidenceTarget, files: readonly File[]): Promise<IUploadedEvidence[]>;
}
