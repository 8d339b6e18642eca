'use strict';

var jsYaml = require('js-yaml');
var core = require('./core-DiuhDYN8.js');
require('node:fs');
require('node:path');
require('./start-DA7aRZP1.js');
require('node:os');
require('node:url');
require('node:events');
require('node:process');

// A quick first read of a file with js-yaml, which parses these files several times faster than
// yaml's Document API but keeps no positions. It only ever clears a file: when it throws, when
// the file holds anything it might read differently from yaml, or when any check finds a
// problem, the file is read again by parse.ts, and every finding comes from that reading.
/**
 * What js-yaml may read differently from yaml (YAML 1.2 core): aliases (js-yaml shares them, so
 * a billion-laughs file would make every later walk exponential), directives (`%YAML 1.1`
 * switches yaml's schema), and binary or signed octal and hex numbers (numbers to js-yaml,
 * text to yaml).
 */
function needsExact(source) {
    // indexOf first: a regex over every file costs more than the rest of this check.
    return (source.includes('*') && /(?:^|[\s[{,])\*\S/.test(source))
        || source.startsWith('%') || source.includes('\n%')
        || (source.includes('0b') && /\b0b[01]/.test(source))
        || ((source.includes('0x') || source.includes('0o')) && /[-+]0[ox]/.test(source));
}
/** The file's data, or undefined when only the exact parser may judge it. */
function fastData(source) {
    if (Buffer.byteLength(source) > core.MAX_FILE_BYTES || needsExact(source))
        return undefined;
    try {
        return jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
    }
    catch {
        return undefined;
    }
}

exports.fastData = fastData;
