/**
 * SharePoint's principal search, as the people picker calls it:
 * `POST _api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`
 * with `{ queryParams: { QueryString, MaximumEntitySuggestions, PrincipalType, ... } }`.
 *
 * SharePoint answers with the matches as a JSON *string*: `{"d":{"ClientPeoplePickerSearchUser":"[...]"}}`
 * in verbose, `{"value":"[...]"}` otherwise, which PnPjs parses a second time
 * (@pnp/sp/profiles, `clientPeoplePickerSearchUser`). Each match is an entity as recorded
 * in pnp/sp-dev-fx-controls-react#2113 and mrackley/StratusForms#83: `Key` (the claims
 * login), `DisplayText`, `Description` (the e-mail), `EntityType` "User", `IsResolved`,
 * `ProviderName` "Tenant", `EntityData` (`Email`, `Title`, `Department`, `MobilePhone`,
 * `ObjectId`) and `MultipleMatches`.
 */
import { createHash } from 'node:crypto';
import { JsonShape } from './odata/format';
import { ISiteUser, SharePointError } from './store';

/** `PrincipalType.User`: the only kind of principal the emulator has. */
const USER_PRINCIPAL = 1;

/** Whether the query starts the person's name, one of its words, or their e-mail, ignoring case. */
function matches(user: ISiteUser, query: string): boolean {
  const name = user.title.toLowerCase();
  return name.startsWith(query) || name.split(/\s+/).some((word) => word.startsWith(query)) || user.email.toLowerCase().startsWith(query);
}

function pickerEntity(user: ISiteUser): Record<string, unknown> {
  const objectId = createHash('sha256').update(user.loginName).digest('hex');
  return {
    Key: user.loginName,
    Description: user.email,
    DisplayText: user.title,
    EntityType: 'User',
    ProviderDisplayName: 'Tenant',
    ProviderName: 'Tenant',
    IsResolved: true,
    EntityData: {
      IsAltSecIdPresent: 'False',
      ObjectId: `${objectId.slice(0, 8)}-${objectId.slice(8, 12)}-${objectId.slice(12, 16)}-${objectId.slice(16, 20)}-${objectId.slice(20, 32)}`,
      Title: '',
      Email: user.email,
      MobilePhone: '',
      Department: ''
    },
    MultipleMatches: []
  };
}

/**
 * The search's response body. The emulator's directory is its site users; one with no
 * access to the site (level "none") is not offered, so nobody picks an owner who cannot
 * open the plan.
 */
export function principalSearchBody(shape: JsonShape, users: readonly ISiteUser[], body: Record<string, unknown>): Record<string, unknown> {
  const params = body.queryParams as { QueryString?: unknown; MaximumEntitySuggestions?: unknown; PrincipalType?: unknown } | undefined;
  if (!params || typeof params !== 'object') {
    throw new SharePointError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', "The parameter queryParams does not exist in method ClientPeoplePickerSearchUser.");
  }
  const query = String(params.QueryString ?? '').trim().toLowerCase();
  const max = typeof params.MaximumEntitySuggestions === 'number' ? params.MaximumEntitySuggestions : 30;
  const types = typeof params.PrincipalType === 'number' ? params.PrincipalType : 15;
  const found = query && (types & USER_PRINCIPAL) !== 0 ? users.filter((user) => user.level !== 'none' && matches(user, query)).slice(0, max) : [];
  const result = JSON.stringify(found.map(pickerEntity));
  if (shape === 'verbose') return { d: { ClientPeoplePickerSearchUser: result } };
  return { ...(shape === 'minimal' ? { 'odata.metadata': '$metadata#Edm.String' } : {}), value: result };
}
