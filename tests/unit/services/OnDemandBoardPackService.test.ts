import { OnDemandBoardPackService } from '../../../src/services/OnDemandBoardPackService';
import { aPackService } from '../../support/fixtures';

describe('the board pack service fetched on demand', () => {
  it('fetches the real service once, on first use, and passes every call through', async () => {
    const real = aPackService();
    const load = jest.fn(async () => real);
    const service = new OnDemandBoardPackService(load);
    expect(load).not.toHaveBeenCalled();

    await Promise.all([service.listPacks(1), service.readPack(1, '2023-09-30')]);
    await service.listPacks(2);

    expect(load).toHaveBeenCalledTimes(1);
    expect(real.listPacks).toHaveBeenNthCalledWith(1, 1);
    expect(real.listPacks).toHaveBeenNthCalledWith(2, 2);
    expect(real.readPack).toHaveBeenCalledWith(1, '2023-09-30');
  });

  it('fetches again after a failed fetch (offline for a moment), rather than failing for good', async () => {
    const real = aPackService();
    const load = jest.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(real);
    const service = new OnDemandBoardPackService(load);

    await expect(service.listPacks(1)).rejects.toThrow('Failed to fetch');
    await expect(service.listPacks(1)).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
