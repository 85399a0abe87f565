/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EvidenceLinks } from '../../../src/components/EvidenceLinks';
import { QuickUpdate } from '../../../src/components/QuickUpdate';
import { PlanDataError } from '../../../src/services/errors';
import { EvidenceUploadError, IEvidenceService, IEvidenceTarget, IUploadedEvidence } from '../../../src/services/IEvidenceService';
import { IPlanDataService, ISavedUpdate } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aPlan } from '../../support/fixtures';

const action = anAction({ id: 12, planId: 3, ref: '5.1.2', status: 'Amber', etag: '"4"' });
const saved: ISavedUpdate = { action: { ...action, etag: '"5"' }, update: anUpdate(12, '2024-02-29', 'Amber', 'Audit done') };

function stored(file: File): IUploadedEvidence {
  return { fileName: file.name, storedName: file.name, url: `https://contoso.sharepoint.com/sites/send/SEND%20Evidence/plan-3/${encodeURIComponent(file.name)}` };
}

function renderForm(evidenceService: IEvidenceService | undefined, dataService: IPlanDataService = aDataService({ saveUpdate: jest.fn(async () => saved) }), onSaved = jest.fn()): { dataService: IPlanDataService; onSaved: jest.Mock; input: () => HTMLInputElement } {
  const { container } = render(<QuickUpdate action={action} scheme={aPlan().statusScheme} dataService={dataService} evidenceService={evidenceService} today="2024-02-29" onSaved={onSaved} onClose={jest.fn()} />);
  return { dataService, onSaved, input: () => container.querySelector('input[type="file"]') as HTMLInputElement };
}

function attach(input: HTMLInputElement, ...files: File[]): void {
  fireEvent.change(input, { target: { files } });
}

const pdf = (name: string, text = '%PDF-1.7 minutes'): File => new File([text], name, { type: 'application/pdf' });

describe('QuickUpdate with files', () => {
  it('offers no file button without an evidence service, and the pasted link keeps working with its title', async () => {
    const { dataService } = renderForm(undefined);
    expect(screen.queryByRole('button', { name: 'Attach files' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'Audit done' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Evidence link/ }), { target: { value: 'https://example.org/a.pdf' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Link title (optional)' }), { target: { value: 'Audit report' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    await waitFor(() => expect(dataService.saveUpdate).toHaveBeenCalled());
    expect(dataService.saveUpdate).toHaveBeenCalledWith(expect.objectContaining({ evidence: [{ url: 'https://example.org/a.pdf', description: 'Audit report' }] }));
  });

  it('lists the chosen files, each removable from the keyboard (focus back on Attach files), and refuses an empty file at once', async () => {
    const { input } = renderForm({ uploadFiles: jest.fn() });
    const attachButton = screen.getByRole('button', { name: 'Attach files' });
    expect(input().multiple).toBe(true);
    expect(input().tabIndex).toBe(-1);
    attach(input(), pdf('minutes.pdf'), pdf('agenda.pdf'), new File([], 'blank.docx'));

    expect(screen.getByRole('list', { name: 'Files to upload with this update' })).toHaveTextContent('minutes.pdfRemove minutes.pdfagenda.pdfRemove agenda.pdf');
    expect(await screen.findByText('blank.docx is empty.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove minutes.pdf' }));
    expect(screen.queryByText('minutes.pdf')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(attachButton);
  });

  it('uploads the files first into the plan with the update key, then saves the update with a link to each by its name', async () => {
    const calls: string[] = [];
    const uploadFiles = jest.fn(async (target: IEvidenceTarget, files: readonly File[]) => {
      calls.push('upload');
      return files.map(stored);
    });
    const dataService = aDataService({
      saveUpdate: jest.fn(async () => {
        calls.push('save');
        return saved;
      })
    });
    const { input, onSaved } = renderForm({ uploadFiles }, dataService);
    attach(input(), pdf('Audit report – Q3.pdf'));
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'Audit done' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Evidence link/ }), { target: { value: 'https://example.org/dash' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(calls).toEqual(['upload', 'save']);
    expect(uploadFiles).toHaveBeenCalledWith({ planId: 3, actionId: 12, updateKey: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]+$/) }, [expect.objectContaining({ name: 'Audit report – Q3.pdf' })]);
    expect(dataService.saveUpdate).toHaveBeenCalledWith(
      expect.objectContaining({
        note: 'Audit done',
        evidence: [
          { url: 'https://contoso.sharepoint.com/sites/send/SEND%20Evidence/plan-3/Audit%20report%20%E2%80%93%20Q3.pdf', description: 'Audit report – Q3.pdf' },
          { url: 'https://example.org/dash', description: 'https://example.org/dash' }
        ]
      })
    );
  });

  it('stops before saving when a file fails, naming it; what was typed stays, and a second save sends only the files not yet stored', async () => {
    const first = pdf('first.pdf');
    const second = pdf('second.pdf');
    const uploadFiles = jest
      .fn()
      .mockRejectedValueOnce(new EvidenceUploadError('second.pdf', { kind: 'server', error: new PlanDataError('throttled', '429', 429) }, [stored(first)]))
      .mockImplementationOnce(async (target: IEvidenceTarget, files: readonly File[]) => files.map(stored));
    const { input, dataService } = renderForm({ uploadFiles });
    attach(input(), first, second);
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'Audit done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    expect(await screen.findByText(/^second\.pdf was not uploaded, so the update was not saved\. .+ What you typed is still here\.$/)).toBeInTheDocument();
    expect(dataService.saveUpdate).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /Progress note/ })).toHaveValue('Audit done');

    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    await waitFor(() => expect(dataService.saveUpdate).toHaveBeenCalled());
    expect(uploadFiles).toHaveBeenLastCalledWith(expect.anything(), [second]);
    expect(uploadFiles.mock.calls[0][0].updateKey).toBe(uploadFiles.mock.calls[1][0].updateKey);
    expect(dataService.saveUpdate).toHaveBeenCalledWith(expect.objectContaining({ evidence: [stored(first), stored(second)].map((file) => ({ url: file.url, description: file.fileName })) }));
  });

  it("words a limit and SharePoint's own refusal (a blocked type) without its error code", async () => {
    const uploadFiles = jest
      .fn()
      .mockRejectedValueOnce(new EvidenceUploadError('long.pdf', { kind: 'file', problem: { code: 'pathTooLong', maxCharacters: 400 } }, []))
      .mockRejectedValueOnce(new EvidenceUploadError('tool.exe', { kind: 'server', error: new PlanDataError('unexpected', '-2130575245, System.ArgumentException: The file type .exe is blocked on this site.', 400) }, []));
    const { input } = renderForm({ uploadFiles });
    attach(input(), pdf('long.pdf'));
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText("long.pdf is too long a name: its address would pass SharePoint's 400 characters. Shorten it and attach it again.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('tool.exe was not uploaded, so the update was not saved. SharePoint said: The file type .exe is blocked on this site. What you typed is still here.')).toBeInTheDocument();
  });
});

describe('EvidenceLinks', () => {
  it('shows each link by its title, a bare address by host and page, and a non-web address as text', () => {
    render(
      <EvidenceLinks
        links={[
          { url: 'https://contoso.sharepoint.com/sites/send/SEND%20Evidence/plan-3/minutes.pdf', description: 'minutes.pdf' },
          { url: 'https://intranet.example.gov.uk/SEND%20board/Q3%20pack.pdf', description: 'https://intranet.example.gov.uk/SEND%20board/Q3%20pack.pdf' },
          { url: 'javascript:alert(1)', description: 'odd' }
        ]}
      />
    );
    expect(screen.getByRole('link', { name: 'minutes.pdf' })).toHaveAttribute('href', 'https://contoso.sharepoint.com/sites/send/SEND%20Evidence/plan-3/minutes.pdf');
    expect(screen.getByRole('link', { name: 'intranet.example.gov.uk › Q3 pack.pdf' })).toHaveAttribute('target', '_blank');
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect(screen.getByText('odd (not a web address, so not opened as a link: javascript:alert(1))')).toBeInTheDocument();
  });
});
