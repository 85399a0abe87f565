import { onDemand } from '../../../src/services/onDemand';
import { IPeopleService } from '../../../src/services/IPeopleService';

const FRAN = { loginName: 'i:0#.f|membership|fran.davis@send.example', displayName: 'Fran Davis' };

function realPeople(): jest.Mocked<IPeopleService> {
  return { searchPeople: jest.fn().mockResolvedValue([FRAN]), ensurePerson: jest.fn().mockResolvedValue({ id: 9, displayName: 'Fran Davis' }) };
}

describe('a service fetched on demand', () => {
  it('fetches the real service once, on first use, and passes every call through with its own `this`', async () => {
    const real = realPeople();
    const load = jest.fn(async () => real);
    const people = onDemand<IPeopleService>(load, { searchPeople: true, ensurePerson: true });
    expect(load).not.toHaveBeenCalled();

    const [found, ensured] = await Promise.all([people.searchPeople('fran', 5), people.ensurePerson(FRAN)]);

    expect(found).toEqual([FRAN]);
    expect(ensured).toEqual({ id: 9, displayName: 'Fran Davis' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.searchPeople).toHaveBeenCalledWith('fran', 5);
    expect(real.searchPeople.mock.instances[0]).toBe(real);
  });

  it('fetches again after a failed fetch (offline for a moment), rather than failing for good', async () => {
    const load = jest.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(realPeople());
    const people = onDemand<IPeopleService>(load, { searchPeople: true, ensurePerson: true });

    await expect(people.searchPeople('fran', 5)).rejects.toThrow('Failed to fetch');
    await expect(people.searchPeople('fran', 5)).resolves.toEqual([FRAN]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
