import { plainText } from '../../../src/model/import/plainText';
import { splitDatedText } from '../../../src/model/import/progressText';

describe('plainText', () => {
  it('turns the HTML in plan cells into plain lines, decoding entities and never keeping markup', () => {
    expect(plainText('<b>1: THE VARIATION</b>  <i>LEAD:</i> WCF &amp; CCG <ul style="x"><li>Parent carer forum</li><li>Special Schools</li></ul>')).toBe(
      '1: THE VARIATION LEAD: WCF & CCG\n- Parent carer forum\n- Special Schools'
    );
    expect(plainText('<script>alert(1)</script>Safe &lt;text&gt; &#8211; &#x2019;')).toBe('Safe <text> – ’');
    expect(plainText('  plain   text  ')).toBe('plain text');
  });

  it('keeps text between < and > that is not markup', () => {
    expect(plainText('Reduce waits to <18 weeks and clear the >12 month backlog')).toBe('Reduce waits to <18 weeks and clear the >12 month backlog');
    expect(plainText('a <b and c> d < e')).toBe('a d < e');
    expect(plainText('x < y and y > z; <3 schools')).toBe('x < y and y > z; <3 schools');
    expect(plainText('<img src="x:gif" onerror="alert(1)">after')).toBe('after');
  });
});

describe('splitDatedText', () => {
  it('splits dated progress paragraphs into entries', () => {
    expect(splitDatedText('Nov 2019: Terms of reference agreed. Jan 2020: First meeting held.\n12/03/2020 - Paused for COVID.')).toEqual([
      { date: '2019-11-30', written: 'Nov 2019', text: 'Terms of reference agreed.' },
      { date: '2020-01-31', written: 'Jan 2020', text: 'First meeting held.' },
      { date: '2020-03-12', written: '12/03/2020', text: 'Paused for COVID.' }
    ]);
  });

  it('keeps text before the first date, and a cell without dates, as one undated entry', () => {
    expect(splitDatedText('Ongoing work. March 2021: Complete.')).toEqual([
      { text: 'Ongoing work.' },
      { date: '2021-03-31', written: 'March 2021', text: 'Complete.' }
    ]);
    expect(splitDatedText('Recruitment under way')).toEqual([{ text: 'Recruitment under way' }]);
    expect(splitDatedText('Met the target: 60% by June.')).toEqual([{ text: 'Met the target: 60% by June.' }]);
  });
});
