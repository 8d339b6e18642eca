// The config file's format written out two ways from the settings table: as a JSON Schema for
// editors (`mldrill schema config`, schema/config.schema.json) and as the commented file that
// `mldrill config init` writes.
import { SETTINGS } from './keys.js';
/** The draft-07 JSON Schema of the config file, as the text committed in schema/. */
export function configSchemaText() {
    const top = {};
    const sections = {};
    for (const setting of SETTINGS) {
        const [head, tail] = setting.key.split('.');
        if (tail === undefined)
            top[head] = propertyOf(setting);
        else
            (sections[head] ??= {})[tail] = propertyOf(setting);
    }
    for (const [name, properties] of Object.entries(sections)) {
        top[name] = { type: ['object', 'null'], description: `the ${name} section`, properties, additionalProperties: false };
    }
    const schema = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'mldrill config',
        description: "mldrill's settings: flags and environment variables override them. See 'mldrill config'.",
        type: ['object', 'null'],
        properties: top,
        additionalProperties: false,
    };
    return `${JSON.stringify(schema, null, 2)}\n`;
}
function propertyOf(setting) {
    const base = { description: setting.description };
    switch (setting.type) {
        case 'boolean':
            return { ...base, type: 'boolean', default: setting.default };
        case 'number':
            return { ...base, type: ['number', 'null'], minimum: setting.min, maximum: setting.max };
        case 'choice':
            return { ...base, type: 'string', enum: [...setting.values], default: setting.default };
        case 'text':
            return { ...base, type: ['string', 'null'], minLength: 1, ...(setting.url ? { pattern: '^https?://[^\\s/]+' } : {}) };
        case 'paths':
            return { ...base, anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }], default: setting.default };
    }
}
/**
 * The file `config init` writes: the modeline, then every key with what it does, at its
 * default. Keys that are unset by default are written commented out, with an example value;
 * the API key only ever as a comment.
 */
export function configInitText(schema) {
    const lines = [
        `# yaml-language-server: $schema=${schema}`,
        "# mldrill's settings. Flags override them, and so do the environment variables named below.",
        "# 'mldrill config' shows every setting in effect and where it comes from.",
    ];
    let section;
    for (const setting of SETTINGS) {
        const [head, tail] = setting.key.split('.');
        const indent = tail === undefined ? '' : '  ';
        if (tail !== undefined && section !== head) {
            lines.push('', `${head}:`);
            section = head;
        }
        lines.push('');
        const env = setting.env?.length ? ` (environment: ${setting.env.join(', ')})` : '';
        lines.push(`${indent}# ${setting.description}${env}`);
        const name = tail ?? head;
        if (setting.default === null || setting.initCommentOnly)
            lines.push(`${indent}# ${name}: ${setting.example ?? ''}`);
        else
            lines.push(`${indent}${name}: ${JSON.stringify(setting.default)}`);
    }
    return `${lines.join('\n')}\n`;
}
