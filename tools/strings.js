'use strict';
/**
 * The web part's en-GB strings, read by evaluating its AMD loc module the way SPFx
 * loads it. The one loader of that file outside the web part: the command line
 * renders its messages with it, and jest maps 'ImprovementPlanWebPartStrings' to it,
 * so both show the text that ships.
 */
let strings;
const previousDefine = global.define;
global.define = (_deps, factory) => {
  strings = factory();
};
try {
  require('../src/webparts/improvementPlan/loc/en-us.js');
} finally {
  global.define = previousDefine;
  if (previousDefine === undefined) delete global.define;
}
module.exports = strings;
