'use strict';

require('node:path');
var start = require('./start-DA7aRZP1.js');
require('node:fs');
require('node:os');
require('node:url');



exports.COMMAND_NAMES = start.COMMAND_NAMES;
exports.crash = start.crash;
exports.internalErrorText = start.internalErrorText;
exports.main = start.main;
