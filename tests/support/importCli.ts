/**
 * Runs `npm run import` (tools/import.ts) as a person would, with exactly the given
 * arguments, and keeps what it said and how it ended, failures included.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../../tools/import.ts');

export interface IImportRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The import command's exit code and output for these arguments. */
export async function runImportCli(...args: string[]): Promise<IImportRun> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as IImportRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
