/**
 * Finding people to own an action: SharePoint's people search, and making a person
 * found there a user of the site, so a Person column can hold them.
 */
import { IPerson } from '../model/plan';

/** Someone the people search found: a person in the directory, not yet known to be a user of the site. */
export interface IPersonCandidate {
  /** Their claims login ("i:0#.f|membership|jo.bloggs@council.gov.uk"), the search result's Key. */
  loginName: string;
  displayName: string;
  email?: string;
  /** What tells two people of one name apart: their job title or department, as the directory has it. */
  description?: string;
}

/** People search and site users, behind an interface so views render the same on every host. */
export interface IPeopleService {
  /**
   * People whose name or e-mail starts with the text, best matches first, at most `max`.
   *
   * @throws PlanDataError when the search is refused or fails
   */
  searchPeople(text: string, max: number): Promise<IPersonCandidate[]>;
  /**
   * The person as a user of the site (added to it when new), with the site user id a
   * Person column is written with.
   *
   * @throws PlanDataError when the person cannot be found or added
   */
  ensurePerson(candidate: IPersonCandidate): Promise<IPerson>;
}
