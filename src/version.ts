import fs from 'node:fs';
import path from 'node:path';
import { lazy } from './lazy.js';
import { PACKAGE_ROOT } from './package-root.js';

/** The package version, read once from the package's package.json. */
export const packageVersion = lazy(() => (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
