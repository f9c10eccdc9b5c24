/**
 * The add-in's version, as package.json gives it: shown in the panels' About tab and in the self-check report.
 * `npm version` moves it (the `version` script, scripts/release/set-version.ts, rewrites this line); the release
 * checks refuse a build whose panels carry another version than package.json (scripts/release/checks.ts).
 */
export const VERSION = '0.1.0';
