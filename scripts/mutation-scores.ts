/**
 * The mutation score per module (issue #25), from the reports `npm run mutation` writes under reports/mutation/
 * (one `<group>.json` per MUTATION_SCOPE, kept out of git): `npm run mutation:scores [group…]`.
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it: a mutant the
 * type checker refuses (CompileError) or that cannot load (RuntimeError) is not a test's miss and is left out.
 */
import * as fs from 'fs';
import * as path from 'path';

const REPORTS = path.join(__dirname, '..', 'reports', 'mutation');

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

/** Counts of one module's mutants by status. */
export interface Tally {
  detected: number;
  survived: number;
  noCoverage: number;
  errors: number;
}

export function tally(mutants: readonly Mutant[]): Tally {
  const t: Tally = { detected: 0, survived: 0, noCoverage: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') t.detected++;
    else if (m.status === 'Survived') t.survived++;
    else if (m.status === 'NoCoverage') t.noCoverage++;
    else t.errors++;
  }
  return t;
}

export function score(t: Tally): string {
  const valid = t.detected + t.survived + t.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * t.detected) / valid).toFixed(1)} %`;
}

function add(a: Tally, b: Tally): Tally {
  return {
    detected: a.detected + b.detected,
    survived: a.survived + b.survived,
    noCoverage: a.noCoverage + b.noCoverage,
    errors: a.errors + b.errors,
  };
}

function row(name: string, t: Tally): string {
  const counts = `${t.detected} / ${t.survived} / ${t.noCoverage} / ${t.errors}`;
  return `| ${name} | ${score(t)} | ${counts} |`;
}

/** A Markdown table of one group's report: a row per module and one for the group. */
export function groupTable(group: string, report: Report): string[] {
  const lines = [`${group}:`, '', '| module | score | killed / survived / no coverage / errors |', '|---|---|---|'];
  let all: Tally = { detected: 0, survived: 0, noCoverage: 0, errors: 0 };
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const t = tally(mutants);
    all = add(all, t);
    lines.push(row(`\`${file}\``, t));
  }
  lines.push(row(`**${group}**`, all), '');
  return lines;
}

function main(groups: string[]): void {
  const names = fs.existsSync(REPORTS)
    ? fs.readdirSync(REPORTS).filter((f) => f.endsWith('.json') && !f.startsWith('incremental'))
    : [];
  const chosen = names.map((f) => f.replace(/\.json$/, '')).filter((g) => groups.length === 0 || groups.includes(g));
  if (chosen.length === 0) {
    console.error(`No mutation report in ${REPORTS}: run MUTATION_SCOPE=<group> npm run mutation first.`);
    process.exitCode = 1;
    return;
  }
  for (const g of chosen) {
    const report = JSON.parse(fs.readFileSync(path.join(REPORTS, `${g}.json`), 'utf8')) as Report;
    console.log(groupTable(g, report).join('\n'));
  }
}

if (require.main === module) main(process.argv.slice(2));
