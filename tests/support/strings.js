'use strict';
// Evaluates the web part's AMD strings module the way SPFx loads it, so tests read
// the same en-GB text that ships.
let strings;
global.define = (_deps, factory) => {
  strings = factory();
};
require('../../src/webparts/improvementPlan/loc/en-us.js');
delete global.define;
module.exports = strings;
