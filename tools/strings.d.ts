/** The web part's en-GB strings (see strings.js), looked up by key as the messages' codes name them. */
declare const strings: Readonly<Record<string, string>>;
export = strings;
