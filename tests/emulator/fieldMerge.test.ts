/**
 * A field MERGE is checked against the type its body names, as SharePoint checks it: SP.Field
 * when it names none (what PnPjs v4's `field.update` sends), so a type-specific property
 * such as Choices or MaxLength answers 400 (pnp/pnpcore#1644).
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { SITE_OWNER } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { ITestSite, startTestSite } from '../support/emulator';

const LIST = 'Field Merge';

describe('field MERGE against the field type', () => {
  let site: ITestSite;
  let sp: SPFI;
  let digest: string;

  /** A MERGE sent as written, in JSON light or (with `verbose`) the verbose format. */
  const merge = async (field: string, body: Record<string, unknown>, verbose = false): Promise<{ status: number; message: string }> => {
    const format = verbose ? 'application/json;odata=verbose' : 'application/json';
    const response = await fetch(`${site.siteUrl}/_api/web/lists/getByTitle('${LIST}')/fields/getByInternalNameOrTitle('${field}')`, {
      method: 'POST',
      headers: { Accept: format, 'Content-Type': format, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'X-RequestDigest': digest, [USER_HEADER]: SITE_OWNER.email },
      body: JSON.stringify(body)
    });
    const text = await response.text();
    const error = text ? (JSON.parse(text) as { 'odata.error'?: { message: { value: string } }; error?: { message: { value: string } } }) : {};
    return { status: response.status, message: (error['odata.error'] ?? error.error)?.message.value ?? '' };
  };
  const field = (name: string): ReturnType<ITestSite['store']['fieldByNameOrTitle']> => site.store.fieldByNameOrTitle(LIST, name);

  beforeAll(async () => {
    site = await startTestSite({ seed: false });
    site.store.createList(LIST);
    site.store.addField(LIST, { internalName: 'Stage', title: 'Stage', kind: 'Choice', indexed: false, required: false, choices: ['Draft'] });
    site.store.addField(LIST, { internalName: 'Summary', title: 'Summary', kind: 'Text', indexed: false, required: false });
    sp = site.as(SITE_OWNER.email);
    const info = await fetch(`${site.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', [USER_HEADER]: SITE_OWNER.email } });
    digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
  });
  afterAll(() => site.stop());

  it("applies SP.Field's own properties sent through PnPjs's field.update (no type in the body)", async () => {
    await sp.web.lists.getByTitle(LIST).fields.getByInternalNameOrTitle('Summary').update({ Title: 'One-line summary', Description: 'What changed', Indexed: true, CustomFormatter: '{"elmType":"div"}' }, 'SP.FieldText');

    expect(field('Summary')).toMatchObject({ title: 'One-line summary', description: 'What changed', indexed: true, formatter: '{"elmType":"div"}' });
  });

  it.each([
    ['Stage', { Choices: ['Draft', 'Final'] }, 'Choices'],
    ['Summary', { MaxLength: 100 }, 'MaxLength']
  ])('refuses a type-specific property sent through field.update as SP.Field (%s)', async (name, changes, property) => {
    const refused = await sp.web.lists
      .getByTitle(LIST)
      .fields.getByInternalNameOrTitle(name)
      .update(changes, name === 'Stage' ? 'SP.FieldChoice' : 'SP.FieldText')
      .then(() => undefined, (error: unknown) => error as { status: number; message: string });

    expect(refused?.status).toBe(400);
    expect(refused?.message).toContain(`The property '${property}' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.`);
  });

  it('accepts a type-specific property when the body names the type (JSON light and verbose) and keeps it', async () => {
    expect(await merge('Stage', { '@odata.type': '#SP.FieldChoice', Choices: ['Draft', 'Final'] })).toEqual({ status: 204, message: '' });
    expect(field('Stage').choices).toEqual(['Draft', 'Final']);
    expect(await merge('Stage', { __metadata: { type: 'SP.FieldChoice' }, Choices: { results: ['Draft', 'Final', 'Published'] } }, true)).toEqual({ status: 204, message: '' });
    expect(field('Stage').choices).toEqual(['Draft', 'Final', 'Published']);
    // A base type of the field's own type is as good: Choices is SP.FieldMultiChoice's.
    expect((await merge('Stage', { 'odata.type': 'SP.FieldMultiChoice', Choices: ['Draft'] })).status).toBe(204);
  });

  it('refuses a body naming a type the field is not', async () => {
    const answer = await merge('Summary', { '@odata.type': '#SP.FieldChoice', Choices: ['A'] });

    expect(answer.status).toBe(400);
    expect(answer.message).toContain("'SP.FieldChoice'");
    expect(field('Summary').choices).toBeUndefined();
  });

  it('refuses __metadata in a JSON light body, as a property SP.Field does not have', async () => {
    const answer = await merge('Summary', { __metadata: { type: 'SP.FieldText' }, Title: 'Renamed' });

    expect(answer).toEqual({ status: 400, message: "The property '__metadata' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type." });
    expect(field('Summary').title).toBe('One-line summary');
  });

  it('refuses a value of the wrong type, and a property SharePoint has but the emulator does not keep', async () => {
    expect(await merge('Summary', { Indexed: 'yes' })).toEqual({ status: 400, message: "Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner exception for more details." });
    const unkept = await merge('Summary', { '@odata.type': '#SP.FieldText', MaxLength: 100 });
    expect(unkept.status).toBe(400);
    expect(unkept.message).toContain("The emulator does not keep the field property 'MaxLength'");
  });
});
