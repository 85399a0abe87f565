'use strict';
// Prints jest's totals as one plain line ("N passed, N failed") for CI logs.
const results = require(require('path').resolve(process.argv[2]));
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed`);
