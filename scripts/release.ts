/**
 * `npm run release -- --base-url https://strategy.example.org/addin/`: the Excel add-in for that address and the
 * Sheets add-on, checked, in dist/release/ (scripts/release/command.ts; README, "Excel" and "Google Sheets").
 */
import { runRelease } from './release/command';

process.exitCode = runRelease(process.argv.slice(2));
