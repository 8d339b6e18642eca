// Where mldrill is installed: the directory holding its package.json, with the built-in
// questions/, rubrics/ and schema/. Found by walking up from this module, so it holds wherever
// the code runs from: src/ under the test runner, dist/, or a chunk in dist/bundle/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
function findPackageRoot() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (let dir = here;; dir = path.dirname(dir)) {
        if (namesPackage(path.join(dir, 'package.json')))
            return dir;
        if (path.dirname(dir) === dir)
            return path.resolve(here, '..');
    }
}
/** The package.json files in bin/ and dist/bundle/ only say that their code is CommonJS; the package's own names it. */
function namesPackage(file) {
    if (!fs.existsSync(file))
        return false;
    try {
        return typeof JSON.parse(fs.readFileSync(file, 'utf8')).name === 'string';
    }
    catch {
        return false;
    }
}
export const PACKAGE_ROOT = findPackageRoot();
