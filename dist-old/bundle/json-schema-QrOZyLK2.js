'use strict';

var z = require('zod');
var schema = require('./schema-BGvGW6m0.js');
require('./core-DiuhDYN8.js');
require('node:fs');
require('node:path');
require('./start-DA7aRZP1.js');
require('node:os');
require('node:url');
require('node:events');
require('node:process');

function _interopNamespaceDefault(e) {
    var n = Object.create(null);
    if (e) {
        Object.keys(e).forEach(function (k) {
            if (k !== 'default') {
                var d = Object.getOwnPropertyDescriptor(e, k);
                Object.defineProperty(n, k, d.get ? d : {
                    enumerable: true,
                    get: function () { return e[k]; }
                });
            }
        });
    }
    n.default = e;
    return Object.freeze(n);
}

var z__namespace = /*#__PURE__*/_interopNamespaceDefault(z);

// The JSON Schemas in schema/, generated from the zod schemas so that editors check files
// exactly as far as a schema can (cross-file rules and warnings stay with `mldrill lint`).
const SCHEMA_KINDS = ['question', 'rubric'];
/** The file name of a kind's schema inside schema/. */
const schemaFileName = (kind) => `${kind}.schema.json`;
/** The draft-07 JSON Schema of a file kind, as the text committed in schema/. */
function jsonSchemaText(kind) {
    const schema$1 = z__namespace.toJSONSchema(kind === 'question' ? schema.Question : schema.Rubric, { target: 'draft-07', io: 'input', override: fullTuples });
    return `${JSON.stringify(schema$1, null, 2)}\n`;
}
/**
 * A diagram flow is [from, to] or [from, to, wording]. As one tuple with an optional last item,
 * strict validators (ajv) take it for a mistake; as a choice of two whole tuples, none do.
 */
function fullTuples(context) {
    if (context.zodSchema !== schema.DiagramFlow)
        return;
    const json = context.jsonSchema;
    const items = json.items;
    const tuple = (length) => ({ type: 'array', items: items.slice(0, length), minItems: length, maxItems: length, additionalItems: false });
    for (const key of ['type', 'items', 'minItems', 'maxItems', 'additionalItems'])
        delete json[key];
    json.anyOf = [tuple(2), tuple(3)];
}

exports.SCHEMA_KINDS = SCHEMA_KINDS;
exports.jsonSchemaText = jsonSchemaText;
exports.schemaFileName = schemaFileName;
