import { BoardPackFileError, readBoardPackFile, writeBoardPackFile } from '../../../src/formats/boardPackFile';
import { freezePack, reportAsAt } from '../../../src/model/boardPack';
import { anAction } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

function aPack(): ReturnType<typeof freezePack> {
  const snapshot = aSnapshot({ plan: aPlan({ reportingDates: ['2023-09-30'] }), actions: [anAction({ id: 1, priorityId: 3, ref: '3.1.1', text: 'Close </script><script>alert(1)</script> & <b>gaps</b>', status: 'Red' })] });
  return freezePack(reportAsAt(snapshot, '2023-09-30'), [], '2023-10-02T09:00:00Z', 'Sam Owner');
}

describe('the board pack file', () => {
  it('holds the rendered report and the pack, which reads back exactly, whatever the text in it', () => {
    const pack = aPack();
    const file = writeBoardPackFile(pack, 'Plan <as at> 30 September 2023', '<article><h2>Report</h2></article>', 'h2{color:red}</style><script>');

    expect(file.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(file).toContain('<title>Plan &lt;as at&gt; 30 September 2023</title>');
    expect(file).toContain('<body><article><h2>Report</h2></article></body>');
    // Nothing inside the data or the styles can end its element early.
    expect(file.match(/<\/script>/g)).toHaveLength(1);
    expect(file.match(/<\/style>/gi)).toHaveLength(1);
    expect(readBoardPackFile(file)).toEqual(pack);
  });

  it("is marked with the page's language, British English where none is given", () => {
    expect(writeBoardPackFile(aPack(), 'Pack', '<p></p>', '')).toContain('<html lang="en-GB">');
    expect(writeBoardPackFile(aPack(), 'Pack', '<p></p>', '', 'cy-GB')).toContain('<html lang="cy-GB">');
    expect(writeBoardPackFile(aPack(), 'Pack', '<p></p>', '', 'x"><script>')).toContain('<html lang="x&quot;&gt;&lt;script&gt;">');
  });

  it.each([
    ['noData', '<html><body>edited by hand</body></html>'],
    ['notJson', '<script type="application/json" id="send-board-pack">{not json</script>'],
    ['unknownFormat', '<script type="application/json" id="send-board-pack">{"format":2}</script>'],
    ['incomplete', '<script type="application/json" id="send-board-pack">{"format":1,"asAt":"2023-09-30"}</script>']
  ])('says why a file is not a pack: %s', (reason, text) => {
    expect(() => readBoardPackFile(text)).toThrow(BoardPackFileError);
    try {
      readBoardPackFile(text);
    } catch (error) {
      expect((error as BoardPackFileError).reason).toBe(reason);
    }
  });
});
