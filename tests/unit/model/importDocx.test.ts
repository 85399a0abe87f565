/**
 * The whole import of a plan written in Word, from the bytes to the dry run into a new
 * plan, over documents saved by real producers (python-docx, LibreOffice Writer:
 * tests/fixtures/import, made by make_docx_fixtures.py). What each should give is in
 * docx-expected.json, written by the script from the text it put in the document: every
 * action with its priority heading, outcome, leads, date, status and evidence as written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDocumentRead, readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { chooseSheet } from '../../../src/model/import/chooseSheet';
import { tableRowPlace } from '../../../src/model/import/documentTables';
import { IImportPlan, planImport } from '../../../src/model/import/dryRun';
import { splitName } from '../../../src/model/import/headings';
import { statusValues } from '../../../src/model/import/newPlan';
import { ISchemeProposal, inferScheme, readStatusKey } from '../../../src/model/import/schemeInference';
import { ISheet } from '../../../src/model/import/sheet';
import { labelForKey } from '../../../src/model/statusSchemes';

interface IExpectedAction {
  ref: string;
  text: string;
  priority: string;
  outcome?: string;
  strategicLead: string;
  responsibleOfficer: string;
  due: string;
  status: string;
  evidence?: Array<{ url: string; description: string }>;
}

interface IFixture {
  file: string;
  title: string;
  sheet: string;
  statusKey: Array<{ label: string; description: string; meaning: string }>;
  glossary: { table: number; entries: Array<[string, string]> };
  actions: IExpectedAction[];
}

const FOLDER = join(__dirname, '../../fixtures/import');
const fixtures = (JSON.parse(readFileSync(join(FOLDER, 'docx-expected.json'), 'utf8')) as { fixtures: IFixture[] }).fixtures;

interface IDryRun {
  read: IDocumentRead;
  sheet: ISheet;
  scheme: ISchemeProposal;
  plan: IImportPlan;
  title: string[];
}

async function dryRunOf(file: string): Promise<IDryRun> {
  const read = await readSpreadsheet(file, new Uint8Array(readFileSync(join(FOLDER, file))));
  if (read.format !== 'docx') throw new Error(`${file} was read as ${read.format}`);
  const chosen = chooseSheet(read.sheets);
  if (!chosen?.analysis) throw new Error(`${file}: no table with a header`);
  const { sheet, analysis } = chosen;
  // The key printed in the document proposes the scheme, read from the title lines above the header.
  const scheme = inferScheme(statusValues(sheet.rows, analysis.columns, analysis.headerRow), undefined, readStatusKey(analysis.titleLines));
  const plan = planImport(sheet.rows, analysis.columns, analysis.headerRow, { target: { kind: 'new', name: 'Plan', localArea: '' }, scheme: scheme.scheme, priorities: [], outcomes: [], actions: [] });
  return { read, sheet, scheme, plan, title: analysis.titleLines };
}

describe.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('importing %s as a new plan', (file, fixture) => {
  let run: IDryRun;
  beforeAll(async () => {
    run = await dryRunOf(file);
  });

  it('stitches the plan tables into one sheet, the title above them, the glossary left out', () => {
    expect(run.sheet.name).toBe(fixture.sheet);
    expect(run.title[0]).toBe(fixture.title);
    expect(run.read.glossaries).toEqual([{ table: fixture.glossary.table, entries: fixture.glossary.entries.map(([term, meaning]) => ({ term, meaning })) }]);
    expect(run.read.leftOut).toContainEqual({ table: fixture.glossary.table, kind: 'glossary' });
    expect(run.sheet.rows.filter((cells) => fixture.glossary.entries.some(([term, meaning]) => cells[0] === term && cells[1] === meaning))).toEqual([]);
  });

  it('proposes the status key the document prints, each label with its meaning and description', () => {
    expect(run.read.statusKey).toEqual(fixture.statusKey);
    expect(run.scheme.scheme.labels.map((label) => [label.label, label.meaning])).toEqual(fixture.statusKey.map((entry) => [entry.label, entry.meaning]));
    expect(run.scheme.unmatched).toEqual([]);
  });

  it('finds every action with its priority heading, outcome, leads, date, status and evidence as written, and rejects none', () => {
    expect(run.plan.rejected).toEqual([]);
    expect(run.plan.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const scheme = run.scheme.scheme;
    const read = run.plan.actions.map((action) => {
      const priority = run.plan.newPriorities.find((candidate) => candidate.number === action.priority);
      const outcome = run.plan.newOutcomes.find((candidate) => candidate.priority === action.priority && candidate.number === action.outcome);
      return {
        ref: action.ref,
        text: action.text,
        priority: priority?.title,
        outcome: outcome?.title,
        strategicLead: action.strategicLead,
        responsibleOfficer: action.responsibleOfficer,
        due: action.due.text,
        status: labelForKey(scheme, action.status)?.label,
        evidence: action.evidence
      };
    });
    expect(read).toEqual(
      fixture.actions.map((action) => ({
        ref: action.ref,
        text: action.text,
        priority: splitName(action.priority).title,
        outcome: action.outcome === undefined ? undefined : splitName(action.outcome).title,
        strategicLead: action.strategicLead,
        responsibleOfficer: action.responsibleOfficer,
        due: action.due,
        status: action.status,
        evidence: action.evidence ?? []
      }))
    );
  });

  it('knows the table and row of every action, as the document numbers them', () => {
    for (const action of run.plan.actions) {
      const place = tableRowPlace(run.sheet, action.row);
      expect(place).toBeDefined();
      const table = run.read.blocks.filter((block) => block.kind === 'table')[(place?.table ?? 0) - 1];
      expect(table?.kind === 'table' && table.rows[(place?.row ?? 0) - 1][0]).toBe(action.ref);
    }
  });
});

describe('the numbered priorities of the python-docx plan', () => {
  it('are numbered as their headings number them', async () => {
    const { plan } = await dryRunOf('plan-priorities.python-docx.docx');
    expect(plan.newPriorities.map((priority) => [priority.number, priority.title])).toEqual([
      ['1', 'Identification of need in the early years'],
      ['2', 'ND pathways and waiting times']
    ]);
    expect(plan.newOutcomes).toEqual([{ priority: '2', number: '2.2', title: 'Families know where they are on the pathway' }]);
  });
});
