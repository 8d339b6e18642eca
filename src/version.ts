import fs from 'node:fs';

/** The package version, read once from package.json beside the build. */
export function packageVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(url, 'utf8')) as { version: string }).version;
}
