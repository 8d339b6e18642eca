import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
let version;
/** The package version, read once from the package's package.json. */
export function packageVersion() {
    version ??= JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
    return version;
}
