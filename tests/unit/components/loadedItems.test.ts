import { savingLoadedItems } from '../../../src/components/loadedItems';
import { editValuesOf } from '../../../src/model/actionEdit';
import { anAction } from '../../support/builders';
import { aDataService, aSnapshot } from '../../support/fixtures';

describe('savingLoadedItems', () => {
  const loaded = { ...anAction({ id: 1, priorityId: 3, ref: '3.3.4', etag: '"4"' }), deliveryPartners: [], resources: undefined, textsOmitted: true as const };
  const snapshot = aSnapshot({ actions: [loaded] });

  it('saves an opened action with the long texts it read, not the loaded copy without them, so an edit of them is written', async () => {
    const service = aDataService({ saveActionEdit: jest.fn().mockResolvedValue(loaded) });
    const opened = { ...loaded, resources: 'One practitioner', deliveryPartners: ['Health visitors'], textsOmitted: undefined };
    await savingLoadedItems(service, snapshot).saveActionEdit({ action: opened, values: { ...editValuesOf(opened), resources: 'Two practitioners' }, made: { by: 'Sam', date: '2024-02-29' } });

    const sent = (service.saveActionEdit as jest.Mock).mock.calls[0][0].action;
    expect(sent).toMatchObject({ id: 1, etag: '"4"', resources: 'One practitioner', deliveryPartners: ['Health visitors'] });
    expect(sent.textsOmitted).toBeUndefined();
  });

  it('saves the loaded item in place of a copy as at a date, and another version as it is', async () => {
    const service = aDataService({ saveActionEdit: jest.fn().mockResolvedValue(loaded) });
    const saving = savingLoadedItems(service, snapshot);
    const copy = { ...loaded, history: [] };
    await saving.saveActionEdit({ action: copy, values: editValuesOf(copy), made: { by: 'Sam', date: '2024-02-29' } });
    const other = { ...loaded, etag: '"5"', history: [] };
    await saving.saveActionEdit({ action: other, values: editValuesOf(other), made: { by: 'Sam', date: '2024-02-29' } });

    const sent = (service.saveActionEdit as jest.Mock).mock.calls.map((call) => call[0].action);
    expect(sent[0]).toBe(snapshot.actions[0]);
    expect(sent[1]).toBe(other);
  });
});
