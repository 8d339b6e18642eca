'use strict';

require('node:fs');
require('node:os');
var start = require('./start-DA7aRZP1.js');
require('node:path');
require('node:url');



exports.nodeIo = start.nodeIo;
exports.parseInstant = start.parseInstant;
