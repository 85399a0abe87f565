import { MAX_EVIDENCE_FILE_BYTES, MAX_PATH_CHARACTERS, evidenceFileProblem, evidenceFolderName, evidenceLinkTitle, uniqueFileName } from '../../../src/model/evidence';
import { newUpdateKey } from '../../../src/model/updateKey';

const FOLDER = '/sites/send/SEND Evidence/plan-3';

describe('evidenceFileProblem', () => {
  const problem = (name: string, size = 10): ReturnType<typeof evidenceFileProblem> => evidenceFileProblem({ name, size }, FOLDER);

  it('accepts an ordinary file, apostrophes, brackets and accents included', () => {
    expect(problem('Board minutes (March) – Héloïse\'s notes.pdf')).toBeUndefined();
  });

  it('refuses an empty file', () => {
    expect(problem('minutes.pdf', 0)).toEqual({ code: 'empty' });
  });

  it('refuses a file over the product limit of 100 MB and takes one exactly at it', () => {
    expect(MAX_EVIDENCE_FILE_BYTES).toBe(104857600);
    expect(problem('video.mp4', MAX_EVIDENCE_FILE_BYTES + 1)).toEqual({ code: 'tooLarge', maxBytes: MAX_EVIDENCE_FILE_BYTES });
    expect(problem('video.mp4', MAX_EVIDENCE_FILE_BYTES)).toBeUndefined();
  });

  it('names each refused character once, in order', () => {
    expect(problem('a*b?c*.pdf')).toEqual({ code: 'badCharacters', characters: '* ?' });
    for (const char of ['"', ':', '<', '>', '|', '\\', '#', '%']) {
      expect(problem(`report${char}2024.pdf`)).toEqual({ code: 'badCharacters', characters: char });
    }
  });

  it('refuses leading or trailing spaces and a leading or trailing dot', () => {
    expect(problem(' minutes.pdf')).toEqual({ code: 'badEnds' });
    expect(problem('minutes.pdf ')).toEqual({ code: 'badEnds' });
    expect(problem('.hidden')).toEqual({ code: 'badEnds' });
    expect(problem('minutes.')).toEqual({ code: 'badEnds' });
  });

  it('refuses the names SharePoint reserves, whatever their extension, and leaves look-alikes', () => {
    for (const name of ['CON', 'con.txt', 'LPT1.pdf', 'desktop.ini', '~$minutes.docx', 'my_vti_file.txt', '.lock']) {
      expect(problem(name)).toEqual(name === '.lock' ? { code: 'badEnds' } : { code: 'reservedName' });
    }
    expect(problem('console.txt')).toBeUndefined();
    expect(problem('Compliance.pdf')).toBeUndefined();
  });

  it('refuses a name that takes the whole path over 400 characters', () => {
    const fits = `${'a'.repeat(MAX_PATH_CHARACTERS - FOLDER.length - 1 - 4)}.pdf`;
    expect(problem(fits)).toBeUndefined();
    expect(problem(`a${fits}`)).toEqual({ code: 'pathTooLong', maxCharacters: 400 });
    // Before the folder is known, the path is not checked.
    expect(evidenceFileProblem({ name: `a${fits}`, size: 10 })).toBeUndefined();
  });
});

describe('uniqueFileName', () => {
  it('keeps a free name', () => {
    expect(uniqueFileName('minutes.pdf', ['agenda.pdf'])).toBe('minutes.pdf');
  });

  it('adds " (2)" before the extension, then the next free number, comparing without case', () => {
    expect(uniqueFileName('minutes.pdf', ['Minutes.PDF'])).toBe('minutes (2).pdf');
    expect(uniqueFileName('minutes.pdf', ['minutes.pdf', 'minutes (2).pdf', 'minutes (3).pdf'])).toBe('minutes (4).pdf');
  });

  it('numbers a name without an extension at its end, and only the last dot starts the extension', () => {
    expect(uniqueFileName('README', ['README'])).toBe('README (2)');
    expect(uniqueFileName('data.2024.csv', ['data.2024.csv'])).toBe('data.2024 (2).csv');
  });
});

describe('evidenceFolderName', () => {
  it('is one folder per plan', () => {
    expect(evidenceFolderName(3)).toBe('plan-3');
  });
});

describe('evidenceLinkTitle', () => {
  it('is the description when it says more than the address', () => {
    expect(evidenceLinkTitle({ url: '/sites/send/SEND Evidence/plan-3/minutes.pdf', description: 'minutes.pdf' })).toBe('minutes.pdf');
  });

  it('makes a pasted address readable: host and last path segment, decoded', () => {
    const url = 'https://intranet.example.gov.uk/sites/send/Shared%20Documents/SEND%20board%20minutes.pdf';
    expect(evidenceLinkTitle({ url, description: url })).toBe('intranet.example.gov.uk › SEND board minutes.pdf');
    expect(evidenceLinkTitle({ url: 'https://app.powerbi.com/', description: '' })).toBe('app.powerbi.com');
  });

  it('keeps a segment that does not decode as it was', () => {
    const url = 'https://example.org/files/100%25%zz.pdf';
    expect(evidenceLinkTitle({ url, description: url })).toBe('example.org › 100%25%zz.pdf');
  });

  it('titles a link that is not a web address by its text', () => {
    expect(evidenceLinkTitle({ url: 'S:\\SEND\\minutes.docx', description: 'S:\\SEND\\minutes.docx' })).toBe('S:\\SEND\\minutes.docx');
  });
});

describe('newUpdateKey', () => {
  it('makes a different key each time', () => {
    expect(newUpdateKey()).not.toBe(newUpdateKey());
  });
});
