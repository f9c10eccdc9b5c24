/**
 * manifest.xml checked offline: well-formed and valid against the Office add-in XSDs (xmllint),
 * every resid resolves, URLs are https and match the files the build emits.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DIST } from '../harness/bundles';
import { testNeeding } from '../harness/tools';
import { EXCEL_API_REQUIRED } from '../../excel-addin/src/templates/requirements';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');
const testXmllint = testNeeding('xmllint');

const attr = (re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[1]);

describe('manifest.xml', () => {
  testXmllint('validates against the Office manifest schemas (xmllint)', () => {
    const out = execFileSync(
      'xmllint',
      ['--noout', '--schema', path.join(ROOT, 'test/fixtures/office-manifest-xsd/OfficeAppManifestV1_1.xsd'), MANIFEST],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out).toBe('');
  });

  testXmllint('the XSD check rejects a misspelt permission (the validator is really checking)', () => {
    const bad = path.join(require('os').tmpdir(), `bad-manifest-${process.pid}.xml`);
    fs.writeFileSync(
      bad,
      xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'),
    );
    const r = spawnSync(
      'xmllint',
      ['--noout', '--schema', path.join(ROOT, 'test/fixtures/office-manifest-xsd/OfficeAppManifestV1_1.xsd'), bad],
      { encoding: 'utf8' },
    );
    fs.unlinkSync(bad);
    expect(r.status).not.toBe(0);
  });

  test('least privilege: ReadWriteDocument', () => {
    expect(attr(/<Permissions>([^<]+)<\/Permissions>/g)).toEqual(['ReadWriteDocument']);
  });

  test('Id is a GUID and the custom functions namespace is STRATEGY', () => {
    expect(attr(/<Id>([^<]+)<\/Id>/g)[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="STRATEGY"\/>/);
  });

  test('every resid resolves to a resource, every resource is https', () => {
    const ids = new Set(attr(/<bt:(?:Url|String|Image) id="([^"]+)"/g));
    for (const resid of attr(/resid="([^"]+)"/g)) expect(ids.has(resid) ? resid : `missing ${resid}`).toBe(resid);
    for (const url of attr(/DefaultValue="(https?:[^"]+)"/g)) expect(url).toMatch(/^https:\/\//);
  });

  test('shared runtime: functions page and task pane are the same page, with a long-lived runtime', () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
  });

  test(`requires the ExcelApi set the template executor needs (${EXCEL_API_REQUIRED}, see excel-addin/src/templates/requirements.ts)`, () => {
    const sets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets).toEqual(['SharedRuntime 1.1', `ExcelApi ${EXCEL_API_REQUIRED}`]);
  });

  test('script, metadata, page and icon URLs name files the build emits', () => {
    const urls = attr(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g);
    expect(urls).toEqual(expect.arrayContaining(['functions.js', 'functions.json', 'taskpane.html']));
    for (const u of urls) expect(fs.existsSync(path.join(DIST, 'excel-addin', u)) ? u : `not built: ${u}`).toBe(u);
  });
});
