import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/profiles';
import { IPerson } from '../model/plan';
import { IPeopleService, IPersonCandidate } from './IPeopleService';

/** SharePoint's `PrincipalType.User`: people only, no groups. */
const USERS = 1;
/** SharePoint's `PrincipalSource.All`: the directory and the site's own users. */
const ALL_SOURCES = 15;

/** People search over SharePoint's principal search (the people picker's own), and `ensureUser`, with PnPjs. */
export class SharePointPeopleService implements IPeopleService {
  public constructor(private readonly sp: SPFI) {}

  public async searchPeople(text: string, max: number): Promise<IPersonCandidate[]> {
    const query = text.trim();
    if (!query) return [];
    const found = await this.sp.profiles.clientPeoplePickerSearchUser({
      QueryString: query,
      MaximumEntitySuggestions: max,
      PrincipalType: USERS,
      PrincipalSource: ALL_SOURCES,
      AllowEmailAddresses: true,
      AllowMultipleEntities: false
    });
    return found
      .filter((entity) => entity.EntityType === 'User' && entity.Key)
      .slice(0, max)
      .map((entity) => ({
        loginName: entity.Key,
        displayName: entity.DisplayText || entity.EntityData?.Email || entity.Key,
        email: entity.EntityData?.Email || undefined,
        description: entity.EntityData?.Title || entity.EntityData?.Department || undefined
      }));
  }

  public async ensurePerson(candidate: IPersonCandidate): Promise<IPerson> {
    const user = await this.sp.web.ensureUser(candidate.loginName);
    return { id: user.Id, displayName: user.Title || candidate.displayName, email: user.Email || candidate.email };
  }
}
